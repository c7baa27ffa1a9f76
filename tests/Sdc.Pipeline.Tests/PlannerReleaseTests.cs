using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Sdc.Catalog;
using Sdc.Ingest;
using Sdc.Ingest.Layout;
using Sdc.Mission;
using Sdc.Simulator;
using Sdc.Storage.FileSystem;

namespace Sdc.Pipeline.Tests;

/// <summary>
/// The planner and versions.json: jobs name the production release's image pinned by its digest,
/// and a promoted release makes new jobs (so data is reprocessed with it), over one simulated EXI
/// orbit ingested into a file-system store and a SQLite catalog.
/// </summary>
public sealed class PlannerReleaseTests : IAsyncLifetime
{
    private const string Digest = "sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef";
    private static readonly DateTime Day = new(2021, 2, 24, 0, 0, 0, DateTimeKind.Utc);
    private readonly string _root = Directory.CreateTempSubdirectory("sdc-planner-").FullName;
    private readonly Mission.Mission _mission = MissionLoader.LoadFile(Sdc.Testing.RepositoryRoot.PathOf("mission.yaml"));
    private ICatalog _catalog = null!;
    private FileSystemObjectStore _store = null!;

    public async Task InitializeAsync()
    {
        _catalog = await CatalogFactory.OpenAsync(Path.Combine(_root, "catalog.db"), CancellationToken.None);
        await _catalog.MigrateAsync(CancellationToken.None);
        _store = new FileSystemObjectStore(new FileSystemObjectStoreOptions { RootPath = Path.Combine(_root, "buckets") });
        var ingest = new IngestServices(_mission, _store, _catalog, new IngestOptions(), TimeProvider.System, NullLoggerFactory.Instance);
        var delivery = await new MissionSimulator(_mission).RunAsync(
            new SimulationOptions(["exi"], Day, 1, Path.Combine(_root, "delivery")) { ExiImageSize = 32 });
        foreach (var file in delivery.Files)
        {
            await using (var stream = File.OpenRead(file.Path))
            {
                await _store.PutAsync(Buckets.Inbox, file.Name, stream);
            }
            await ingest.Integrity.HandleAsync(Buckets.Inbox, file.Name, CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        await _catalog.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task PlanAsync_ProductionReleaseWithDigest_JobsNameTheImagePinnedByIt()
    {
        var job = Assert.Single((await PlanAsync(Versions("1.0.0", Digest), "run-1")).Jobs);

        var processor = JsonNode.Parse(job.Spec)!["processor"]!;
        Assert.Equal(("exi", "1.0.0", $"sdc/exi-processor@{Digest}"),
            (processor["name"]!.GetValue<string>(), processor["version"]!.GetValue<string>(), processor["image"]!.GetValue<string>()));
    }

    [Fact]
    public async Task PlanAsync_NoDigest_JobsNameTheImageByTag()
    {
        var job = Assert.Single((await PlanAsync(Versions("1.0.0", null), "run-1")).Jobs);

        Assert.Equal("sdc/exi-processor:1.0.0", JsonNode.Parse(job.Spec)!["processor"]!["image"]!.GetValue<string>());
    }

    [Fact]
    public async Task PlanAsync_AfterPromotion_NewJobsWithTheNewVersion()
    {
        var staged = ProcessorVersions.Parse($$"""
            {
              "exi": {
                "production": { "name": "exi", "version": "1.0.0", "image": "sdc/exi-processor:1.0.0" },
                "staging": { "name": "exi", "version": "1.1.0", "image": "sdc/exi-processor:1.1.0", "digest": "{{Digest}}" }
              }
            }
            """, "versions.json");
        var before = Assert.Single((await PlanAsync(staged, "run-1")).Jobs);

        var after = Assert.Single((await PlanAsync(staged.Promote("exi"), "run-2")).Jobs);
        var again = Assert.Single((await PlanAsync(staged, "run-3")).Jobs);

        // Another identity, hence another job: its products are reprocessed with 1.1.0.
        Assert.NotEqual(before.JobId, after.JobId);
        Assert.Equal("1.1.0", JsonNode.Parse(after.Spec)!["processor"]!["version"]!.GetValue<string>());
        Assert.Equal("1.0.0", JsonNode.Parse(before.Spec)!["processor"]!["version"]!.GetValue<string>());
        // Staging's entry alone changes nothing for production: the same release plans the same job.
        Assert.Equal(before.JobId, again.JobId);
    }

    private static ProcessorVersions Versions(string version, string? digest) => new(new Dictionary<string, ProcessorRelease>
    {
        ["exi"] = new("exi", "exi", version, $"sdc/exi-processor:{version}", digest),
    });

    private Task<PlanResult> PlanAsync(ProcessorVersions versions, string execution) =>
        new Planner(_mission, _catalog, _store, versions, new FolderLocator(Path.Combine(_root, "buckets")), TimeProvider.System)
            .PlanAsync(new PlanRequest(execution, new PipelineRequest(PipelineRequest.Reprocessing, Instrument: "exi",
                From: new DateTimeOffset(Day), To: new DateTimeOffset(Day.AddDays(1))), 0), CancellationToken.None);

    private sealed class FolderLocator(string root) : IFileLocator
    {
        public string Locate(string bucket, string key) => Path.Combine(root, bucket, key);
    }
}
