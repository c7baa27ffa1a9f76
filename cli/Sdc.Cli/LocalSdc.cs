using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using Sdc.Catalog;
using Sdc.Ingest;
using Sdc.Mission;
using Sdc.Storage;
using Sdc.Storage.FileSystem;

namespace Sdc.Cli;

/// <summary>
/// The CLI's composition root for a local SDC: the mission, the data directory's buckets as a
/// file-system object store, the catalog (migrated), and the data-management handlers over them.
/// </summary>
internal sealed class LocalSdc : IAsyncDisposable
{
    private LocalSdc(DataDirectory data, Mission.Mission mission, FileSystemObjectStore store, ICatalog catalog, IngestServices ingest)
    {
        Data = data;
        Mission = mission;
        Store = store;
        Catalog = catalog;
        Ingest = ingest;
    }

    /// <summary>Where `sdc local up` serves this SDC (and its presigned download URLs).</summary>
    public static Uri LocalHostUrl { get; } = new("http://127.0.0.1:8080/");

    public DataDirectory Data { get; }

    public Mission.Mission Mission { get; }

    public IObjectStore Store { get; }

    public ICatalog Catalog { get; }

    public IngestServices Ingest { get; }

    public static async Task<LocalSdc> OpenAsync(ParseResult parse, string? catalogOption, IngestOptions options, CancellationToken cancellationToken)
    {
        var mission = MissionLoader.LoadFile(MissionFile.Resolve(parse.GetValue(GlobalOptions.Mission)));
        var data = DataDirectory.Resolve(parse.GetValue(GlobalOptions.Data)).Create();
        var store = new FileSystemObjectStore(new FileSystemObjectStoreOptions
        {
            RootPath = data.Buckets,
            PublicBaseUrl = LocalHostUrl,
            SigningKey = data.SigningKey(),
        });
        var catalog = await CatalogLocation.OpenMigratedAsync(catalogOption, data, cancellationToken);
        var ingest = new IngestServices(mission, store, catalog, options, TimeProvider.System, NullLoggerFactory.Instance);
        return new LocalSdc(data, mission, store, catalog, ingest);
    }

    public ValueTask DisposeAsync() => Catalog.DisposeAsync();
}
