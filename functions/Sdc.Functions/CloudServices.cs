using Microsoft.Extensions.Logging;
using Sdc.Catalog;
using Sdc.Ingest;
using Sdc.Mission;
using Sdc.Pipeline;
using Sdc.Storage;
using Sdc.Storage.S3;

namespace Sdc.Functions;

/// <summary>
/// The Lambda composition root: S3 for the buckets, PostgreSQL for the catalog (its credentials
/// from Secrets Manager, see <see cref="CatalogConnection"/>), mission.yaml and the processors'
/// versions.json from the deployment package, logs as JSON lines on stdout. Built once per
/// execution environment, on the first invocation (so the secrets extension is up and a
/// configuration error fails an invocation with its message), and reused by later ones, as
/// Lambda keeps the process warm.
/// </summary>
public sealed class CloudServices
{
    /// <summary>The secrets extension answers from its cache or one Secrets Manager call; longer means it is stuck.</summary>
    private static readonly TimeSpan SecretTimeout = TimeSpan.FromSeconds(10);

    private static readonly Lazy<Task<CloudServices>> Shared = new(CreateAsync);

    private CloudServices(Mission.Mission mission, BucketMap buckets, IObjectStore store, ICatalog catalog, IngestServices ingest, Planner planner,
        PipelineTasks tasks, ILoggerFactory loggers)
    {
        Mission = mission;
        Buckets = buckets;
        Store = store;
        Catalog = catalog;
        Ingest = ingest;
        Planner = planner;
        Tasks = tasks;
        Loggers = loggers;
    }

    public Mission.Mission Mission { get; }

    public IObjectStore Store { get; }

    public ICatalog Catalog { get; }

    public BucketMap Buckets { get; }

    public IngestServices Ingest { get; }

    /// <summary>The Plan task's planner; its jobs name <c>s3://</c> locations in the physical buckets.</summary>
    public Planner Planner { get; }

    /// <summary>The Index, RecordJob and Summarize tasks.</summary>
    public PipelineTasks Tasks { get; }

    public ILoggerFactory Loggers { get; }

    public static Task<CloudServices> GetAsync() => Shared.Value;

    private static async Task<CloudServices> CreateAsync()
    {
        var loggers = new JsonLinesLoggerFactory(Console.Out);
        var mission = MissionLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, MissionLoader.DefaultFileName));
        var processors = ProcessorVersions.Load(Path.Combine(AppContext.BaseDirectory, ProcessorVersions.FileName));
        var buckets = BucketMap.FromEnvironment();
        var store = new S3ObjectStore(new S3ObjectStoreOptions
        {
            BucketNames = buckets.PhysicalByLogical,
            Region = Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-east-1",
        });
        string catalogSpec;
        using (var http = new HttpClient { Timeout = SecretTimeout })
        {
            catalogSpec = await CatalogConnection.ResolveAsync(Environment.GetEnvironmentVariable, new SecretsExtensionReader(http, Environment.GetEnvironmentVariable),
                loggers.CreateLogger<CloudServices>(), CancellationToken.None);
        }
        var catalog = await CatalogFactory.OpenAsync(catalogSpec, CancellationToken.None);
        var ingest = new IngestServices(mission, store, catalog, new IngestOptions(), TimeProvider.System, loggers);
        var planner = new Planner(mission, catalog, store, processors, new S3FileLocator(buckets), TimeProvider.System);
        var tasks = new PipelineTasks(catalog, ingest.Indexer, TimeProvider.System);
        return new CloudServices(mission, buckets, store, catalog, ingest, planner, tasks, loggers);
    }
}
