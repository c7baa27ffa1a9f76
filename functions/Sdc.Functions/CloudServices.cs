using Microsoft.Extensions.Logging;
using Sdc.Catalog;
using Sdc.Ingest;
using Sdc.Mission;
using Sdc.Storage;
using Sdc.Storage.S3;

namespace Sdc.Functions;

/// <summary>
/// The Lambda composition root: S3 for the buckets, PostgreSQL for the catalog, mission.yaml from
/// the deployment package, logs as JSON lines on stdout. Built once per execution environment
/// (the first invocation) and reused by later ones, as Lambda keeps the process warm.
/// </summary>
public sealed class CloudServices
{
    private static readonly Lazy<Task<CloudServices>> Shared = new(CreateAsync);

    private CloudServices(Mission.Mission mission, BucketMap buckets, IObjectStore store, ICatalog catalog, IngestServices ingest, ILoggerFactory loggers)
    {
        Mission = mission;
        Buckets = buckets;
        Store = store;
        Catalog = catalog;
        Ingest = ingest;
        Loggers = loggers;
    }

    public Mission.Mission Mission { get; }

    public IObjectStore Store { get; }

    public ICatalog Catalog { get; }

    public BucketMap Buckets { get; }

    public IngestServices Ingest { get; }

    public ILoggerFactory Loggers { get; }

    public static Task<CloudServices> GetAsync() => Shared.Value;

    private static async Task<CloudServices> CreateAsync()
    {
        var loggers = new JsonLinesLoggerFactory(Console.Out);
        var mission = MissionLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, MissionLoader.DefaultFileName));
        var buckets = BucketMap.FromEnvironment();
        var store = new S3ObjectStore(new S3ObjectStoreOptions
        {
            BucketNames = buckets.PhysicalByLogical,
            Region = Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-east-1",
        });
        var catalogSpec = Environment.GetEnvironmentVariable("SDC_CATALOG")
            ?? throw new InvalidOperationException("SDC_CATALOG is not set; the deployment must give the catalog's connection.");
        var catalog = await CatalogFactory.OpenAsync(catalogSpec, CancellationToken.None);
        var ingest = new IngestServices(mission, store, catalog, new IngestOptions(), TimeProvider.System, loggers);
        return new CloudServices(mission, buckets, store, catalog, ingest, loggers);
    }
}
