using System.Text;
using Sdc.Catalog;
using Sdc.Ingest.Indexing;
using Sdc.Ingest.Layout;
using Sdc.Ingest.Tests.Support;
using Sdc.Simulator;
using Sdc.Testing;

namespace Sdc.Ingest.Tests;

/// <summary>The indexer on job outputs and uploads, after a simulated delivery was ingested; once per backend.</summary>
public abstract class IndexerScenarioTests : DeliveredWorldTests
{
    private static readonly DateTimeOffset Start = new(2021, 2, 24, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddMinutes(10);

    private string Level0 => Delivery.Files.Single(f => f.Kind == SimulatedFileKind.Science && f.Instrument == "exi").Name;

    private string Lsk => Delivery.Files.Single(f => f.Name.EndsWith(".tls", StringComparison.Ordinal)).Name;

    private string Flat => Delivery.Files.Single(f => f.Name.StartsWith("emm_exi_cal", StringComparison.Ordinal) && f.Name.Contains("_flat_", StringComparison.Ordinal)).Name;

    private static string ProductName(string level, string version, string ext = "fits", string descriptor = "f635") =>
        $"emm_exi_{level}_20210224T010000_0001_{descriptor}_v{version}.{ext}";

    private JobOutputsBuilder OneProduct(string version, Action<Formats.Fits.FitsHeader>? bendHeader = null, Action<System.Text.Json.Nodes.JsonObject>? bendEntry = null)
    {
        var name = ProductName("l1", version);
        var bytes = JobOutputsBuilder.Fits("exi", "l1", version, Start, End, [Level0], bendHeader);
        return new JobOutputsBuilder("job-" + version).Add(name, bytes, "exi", "l1", "f635", Start, End, 1, version, [Level0], [Lsk], [Flat], bendEntry);
    }

    private async Task<long> JobIdAsync()
    {
        var run = await World.Catalog.Jobs.StartRunAsync("run-" + Guid.NewGuid().ToString("N"), null, RunKind.Manual, World.Clock.GetUtcNow(), World.Ct);
        var processor = await World.Catalog.Jobs.EnsureProcessorVersionAsync("exi", "1.0.0", "sha256:00", ProcessorStage.Production, World.Clock.GetUtcNow(), World.Ct);
        return (await World.Catalog.Jobs.CreateJobAsync(new JobCreation(run.Id, Guid.NewGuid().ToString("N"), "exi", "l1", processor, "production"),
            World.Clock.GetUtcNow(), World.Ct)).Id;
    }

    [Fact]
    public async Task IndexJobAsync_GoodOutputs_RegistersEachProductWithLineageAtItsCanonicalKey()
    {
        var jobId = await JobIdAsync();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[100]];
        var outputs = OneProduct("01-00").Add(ProductName("ql", "01-00", "png"), png, "exi", "ql", "f635", Start, End, 1, "01-00", [Level0]);
        await outputs.WriteAsync(World.Store, "jobs/a/", World.Ct);

        var report = await World.Services.Indexer.IndexJobAsync(new IndexRequest(jobId, "jobs/a"), World.Ct);

        Assert.Empty(report.Refused);
        Assert.Equal(2, report.Indexed.Count);
        Assert.Equal(["jobs/a/outputs.json"], await World.KeysAsync(Buckets.Products, "jobs/"));
        var l1 = await World.Catalog.Files.FindByKeyAsync("exi/l1/2021/02/24/" + ProductName("l1", "01-00"), World.Ct);
        Assert.NotNull(l1);
        Assert.Equal((FileKind.Product, "l1", (long?)jobId, Start, End), (l1.Kind, l1.Level, l1.JobId, l1.StartTime!.Value, l1.EndTime!.Value));
        var ql = await World.Catalog.Files.FindByKeyAsync("exi/ql/2021/02/24/" + ProductName("ql", "01-00", "png"), World.Ct);
        Assert.Equal(FileKind.Quicklook, ql!.Kind);
        var lineage = await World.Catalog.Lineage.GetInputsAsync(l1.Id, World.Ct);
        Assert.Equal([(Level0, LineageRole.Input), (Lsk, LineageRole.Kernel), (Flat, LineageRole.Calibration)],
            lineage.OrderBy(l => l.Role).Select(l => (StorageLayout.FileNameOf(l.File.Key), l.Role)));
        var level0 = lineage.Single(l => l.Role == LineageRole.Input).File;
        Assert.Contains((await World.Catalog.Lineage.GetDerivedAsync(level0.Id, World.Ct)), d => d.File.Id == l1.Id);
    }

    [Fact]
    public async Task IndexJobAsync_NewVersion_SupersedesTheOldInLatestSearchesWithoutDeletingIt()
    {
        await OneProduct("01-00").WriteAsync(World.Store, "jobs/v1/", World.Ct);
        await OneProduct("02-00").WriteAsync(World.Store, "jobs/v2/", World.Ct);

        await World.Services.Indexer.IndexJobAsync(new IndexRequest(null, "jobs/v1/"), World.Ct);
        await World.Services.Indexer.IndexJobAsync(new IndexRequest(null, "jobs/v2/"), World.Ct);

        var query = new FileQuery { Instrument = "exi", Level = "l1" };
        var latest = await World.Catalog.Files.SearchAsync(query, World.Ct);
        var all = await World.Catalog.Files.SearchAsync(query with { Versions = VersionSelection.All }, World.Ct);
        Assert.Equal([2], latest.Items.Select(f => f.VersionMajor));
        Assert.Equal([1, 2], all.Items.Select(f => f.VersionMajor).Order());
        foreach (var file in all.Items)
        {
            Assert.NotEmpty(await World.ReadAsync(file.Bucket, file.Key));
        }
    }

    [Fact]
    public async Task IndexJobAsync_HeaderDisagreesOnTime_RefusesThatProductWithAJobMessageAndIndexesTheRest()
    {
        var jobId = await JobIdAsync();
        var bent = JobOutputsBuilder.Fits("exi", "l1", "01-00", Start.AddHours(1), End, [Level0]);
        var outputs = OneProduct("02-00").Add(ProductName("l1", "01-00", descriptor: "f437"), bent, "exi", "l1", "f437", Start, End, 1, "01-00", [Level0]);
        await outputs.WriteAsync(World.Store, "jobs/b/", World.Ct);

        var report = await World.Services.Indexer.IndexJobAsync(new IndexRequest(jobId, "jobs/b/"), World.Ct);

        var refused = Assert.Single(report.Refused);
        Assert.Equal(("IDX-E003", ProductName("l1", "01-00", descriptor: "f437")), (refused.Code, refused.Name));
        Assert.Contains("header starts", refused.Message, StringComparison.Ordinal);
        Assert.Single(report.Indexed);
        var message = Assert.Single(await World.Catalog.Jobs.GetMessagesAsync(jobId, World.Ct));
        Assert.Equal(("IDX-E003", MessageSeverity.Error), (message.Code, message.Severity));
        Assert.Null(await World.Catalog.Files.FindByKeyAsync("exi/l1/2021/02/24/" + refused.Name, World.Ct));
        Assert.Contains("jobs/b/" + refused.Name, await World.KeysAsync(Buckets.Products, "jobs/b/"));
    }

    [Fact]
    public async Task IndexJobAsync_OutputsChecksumWrong_RefusedAsChecksumMismatch()
    {
        await OneProduct("01-00", bendEntry: e => e["md5"] = new string('0', 32)).WriteAsync(World.Store, "jobs/c/", World.Ct);

        var report = await World.Services.Indexer.IndexJobAsync(new IndexRequest(null, "jobs/c/"), World.Ct);

        Assert.Equal("IDX-E002", Assert.Single(report.Refused).Code);
        Assert.Empty(report.Indexed);
    }

    [Fact]
    public async Task IndexJobAsync_RetriedAfterSuccess_IndexesNothingTwice()
    {
        await OneProduct("01-00").WriteAsync(World.Store, "jobs/d/", World.Ct);
        var first = await World.Services.Indexer.IndexJobAsync(new IndexRequest(null, "jobs/d/"), World.Ct);
        var rows = await World.CatalogCountAsync();

        var second = await World.Services.Indexer.IndexJobAsync(new IndexRequest(null, "jobs/d/"), World.Ct);

        Assert.True(Assert.Single(first.Indexed).IsNew);
        var again = Assert.Single(second.Indexed);
        Assert.False(again.IsNew);
        Assert.Equal(first.Indexed[0].FileId, again.FileId);
        Assert.Equal(rows, await World.CatalogCountAsync());
        Assert.Equal(3, (await World.Catalog.Lineage.GetInputsAsync(again.FileId, World.Ct)).Count);
    }

    [Fact]
    public async Task IndexJobAsync_NoOrBrokenOutputsJson_ThrowsNamingTheProblem()
    {
        var missing = await Assert.ThrowsAsync<JobOutputsException>(() => World.Services.Indexer.IndexJobAsync(new IndexRequest(null, "jobs/none/"), World.Ct));
        await World.Store.PutAsync(Buckets.Products, "jobs/e/outputs.json", new MemoryStream("{\"jobId\":\"x\",\"processor\":{\"name\":\"p\",\"version\":\"1\"},\"status\":\"OK\",\"products\":[{\"name\":3}]}"u8.ToArray()), null, World.Ct);
        var broken = await Assert.ThrowsAsync<JobOutputsException>(() => World.Services.Indexer.IndexJobAsync(new IndexRequest(null, "jobs/e/"), World.Ct));

        Assert.Contains("not found", missing.Message, StringComparison.Ordinal);
        Assert.Contains("products[0].name", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndexUploadAsync_Level3Fits_IndexedWithLineageFromItsHeader()
    {
        var name = ProductName("l3", "01-00", descriptor: "sci");
        await World.Store.PutAsync(Buckets.Products, "uploads/exi/" + name,
            new MemoryStream(JobOutputsBuilder.Fits("exi", "l3", "01-00", Start, End, [Level0])), null, World.Ct);

        var (indexed, report) = await World.Services.Indexer.IndexUploadAsync("uploads/exi/" + name, World.Ct);

        Assert.NotNull(indexed);
        Assert.Equal(IngestOutcome.Archived, report.Outcome);
        Assert.Equal("exi/l3/2021/02/24/" + name, indexed.Key);
        Assert.Equal(1, indexed.LineageLinks);
        Assert.Empty(await World.KeysAsync(Buckets.Products, "uploads/"));
    }

    [Theory]
    [InlineData("l2", "fits", "made by the SDC")]
    [InlineData("l3", "fits", "FITS")]
    public async Task IndexUploadAsync_WrongLevelOrNotFits_Quarantined(string level, string ext, string reason)
    {
        var name = ProductName(level, "01-00", ext, "sci");
        var bytes = reason == "FITS" ? Encoding.ASCII.GetBytes("not a fits file") : JobOutputsBuilder.Fits("exi", level, "01-00", Start, End);
        await World.Store.PutAsync(Buckets.Products, "uploads/" + name, new MemoryStream(bytes), null, World.Ct);

        var (indexed, report) = await World.Services.Indexer.IndexUploadAsync("uploads/" + name, World.Ct);

        Assert.Null(indexed);
        Assert.Equal((IngestOutcome.Quarantined, "IDX-E006"), (report.Outcome, report.Code));
        Assert.Contains(reason, report.Message, StringComparison.Ordinal);
        Assert.StartsWith(StorageLayout.QuarantinePrefix, report.Destination, StringComparison.Ordinal);
    }
}

public sealed class FileSystemSqliteIndexerTests : IndexerScenarioTests
{
    protected override Task<IngestWorld> CreateWorldAsync() => IngestWorld.CreateAsync(Backend.FileSystemSqlite, null);
}

public sealed class FileSystemPostgresIndexerTests(PostgresDatabaseFixture postgres) : IndexerScenarioTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override Task<IngestWorld> CreateWorldAsync() => IngestWorld.CreateAsync(Backend.FileSystemPostgres, postgres);
}

public sealed class S3SqliteIndexerTests : IndexerScenarioTests
{
    protected override Task<IngestWorld> CreateWorldAsync() => IngestWorld.CreateAsync(Backend.S3Sqlite, null);
}
