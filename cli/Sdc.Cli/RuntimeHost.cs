using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using Sdc.Catalog;
using Sdc.Local;
using Sdc.Local.Host;
using Sdc.Mission;

namespace Sdc.Cli;

/// <summary>
/// The CLI's composition root for a running local SDC (`local up`, `demo`, `reprocess`): the
/// mission, the data directory, its catalog (migrated) and the local runtime over them.
/// </summary>
internal sealed class RuntimeHost : IAsyncDisposable
{
    private RuntimeHost(DataDirectory data, Mission.Mission mission, ICatalog catalog, LocalRuntime runtime)
    {
        Data = data;
        Mission = mission;
        Catalog = catalog;
        Runtime = runtime;
    }

    public DataDirectory Data { get; }

    public Mission.Mission Mission { get; }

    public ICatalog Catalog { get; }

    public LocalRuntime Runtime { get; }

    /// <param name="port">Where the local host will serve this SDC: presigned URLs point there. Null: no presigned URLs.</param>
    public static async Task<RuntimeHost> OpenAsync(ParseResult parse, DataDirectory data, string? catalogOption, CancellationToken cancellationToken, int? port = null)
    {
        var mission = MissionLoader.LoadFile(MissionFile.Resolve(parse.GetValue(GlobalOptions.Mission)));
        data.Create();
        var catalog = await CatalogLocation.OpenMigratedAsync(catalogOption, data, cancellationToken);
        try
        {
            var runtime = new LocalRuntime(mission, catalog, new LocalRuntimeOptions
            {
                BucketsRoot = data.Buckets,
                RepositoryRoot = RepositoryHome(),
                WorkRoot = Path.Combine(data.Root, "work"),
                PublicBaseUrl = port is { } p ? new Uri($"http://127.0.0.1:{p}/") : null,
                SigningKey = port is null ? ReadOnlyMemory<byte>.Empty : data.SigningKey(),
            }, TimeProvider.System, NullLoggerFactory.Instance);
            return new RuntimeHost(data, mission, catalog, runtime);
        }
        catch
        {
            await catalog.DisposeAsync();
            throw;
        }
    }

    /// <summary>The checkout with infra/ and processors/: SDC_HOME (set by ./sdc), else found above the binary.</summary>
    public static string RepositoryHome()
    {
        if (Environment.GetEnvironmentVariable("SDC_HOME") is { Length: > 0 } home && File.Exists(Path.Combine(home, PipelineDefinition.RelativePath)))
        {
            return home;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, PipelineDefinition.RelativePath)))
            {
                return dir.FullName;
            }
        }
        throw new UserError($"Cannot find {PipelineDefinition.RelativePath}; run sdc from its checkout (./sdc) or set SDC_HOME to it.");
    }

    /// <summary>Serves the portal and API over this runtime until disposed.</summary>
    public Task<LocalSite> ServeAsync(LocalSiteOptions options, CancellationToken cancellationToken) =>
        LocalSite.StartAsync(options, Mission, Catalog, Runtime, NullLoggerFactory.Instance, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        await Catalog.DisposeAsync();
    }
}
