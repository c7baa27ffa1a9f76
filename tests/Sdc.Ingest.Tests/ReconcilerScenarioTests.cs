using Sdc.Catalog;
using Sdc.Ingest.Layout;
using Sdc.Ingest.Reconciliation;
using Sdc.Ingest.Tests.Support;
using Sdc.Simulator;
using Sdc.Testing;

namespace Sdc.Ingest.Tests;

/// <summary>The reconciler after a simulated delivery was ingested, with drift made by hand; once per backend.</summary>
public abstract class ReconcilerScenarioTests : DeliveredWorldTests
{

    private Task<ReconcileReport> RunAsync(bool repair = false, double sample = 1) =>
        World.Services.Reconciler.RunAsync(new ReconcileOptions { Repair = repair, ChecksumSample = sample }, null, World.Ct);

    private ArchiveLocation LocationOf(SimulatedFileKind kind)
    {
        var file = Delivery.Files.First(f => f.Kind == kind);
        return FileIdentity.Of(World.Mission, World.Mission.ParseFileName(file.Name), file.Name).Location;
    }

    [Fact]
    public async Task RunAsync_AfterCleanIngest_FindsNothingAndWritesItsReport()
    {
        var report = await RunAsync();

        Assert.True(report.Clean, string.Join("; ", report.Drifts));
        Assert.Equal(Delivery.Files.Count - 1, report.ObjectsScanned);
        Assert.Equal(report.ObjectsScanned, report.RowsScanned);
        Assert.Equal(report.ObjectsScanned, report.ObjectsChecksummed);
        Assert.NotNull(report.ReportKey);
        Assert.Contains(report.ReportKey, await World.KeysAsync(Buckets.Archive, StorageLayout.ReportPrefix));
    }

    [Fact]
    public async Task RunAsync_ProcessorValidationReportInTheArchive_NotDrift()
    {
        // `sdc processors validate` keeps its reports beside the archive's files; they are not catalogued files.
        await World.Store.PutAsync(Buckets.Archive, $"{StorageLayout.ValidationPrefix}exi/1.1.0.json", new MemoryStream("{}"u8.ToArray()), null, World.Ct);

        var report = await RunAsync();

        Assert.True(report.Clean, string.Join("; ", report.Drifts));
    }

    [Fact]
    public async Task RunAsync_ObjectDeleted_ReportsLostAndRepairFlagsItUntilItComesBack()
    {
        var location = LocationOf(SimulatedFileKind.Science);
        var bytes = await World.ReadAsync(location.Bucket, location.Key);
        await World.Store.DeleteAsync(location.Bucket, location.Key, World.Ct);

        var found = await RunAsync();
        var repaired = await RunAsync(repair: true);
        await World.Store.PutAsync(location.Bucket, location.Key, new MemoryStream(bytes), null, World.Ct);
        var restored = await RunAsync(repair: true);

        var lost = Assert.Single(found.Drifts);
        Assert.Equal((DriftKind.Lost, location.Key, null), (lost.Kind, lost.Key, lost.Action));
        Assert.Equal("flagged LOST", Assert.Single(repaired.Drifts).Action);
        Assert.True(restored.Clean);
        Assert.Equal(1, restored.Cleared);
        Assert.Empty(await World.Catalog.Problems.ListAsync(World.Ct));
    }

    [Fact]
    public async Task RunAsync_UncataloguedObjectWithAMissionName_RepairReRegistersIt()
    {
        var location = LocationOf(SimulatedFileKind.Calibration);
        var row = await World.Catalog.Files.FindByKeyAsync(location.Key, World.Ct);
        var bytes = await World.ReadAsync(location.Bucket, location.Key);
        var orphanKey = location.Key.Replace("_v01-00.", "_v01-01.", StringComparison.Ordinal);
        await World.Store.PutAsync(location.Bucket, orphanKey, new MemoryStream(bytes), null, World.Ct);
        await World.Store.PutAsync(Buckets.Archive, "l0/stray/readme.txt", new MemoryStream([1, 2]), null, World.Ct);

        var repaired = await RunAsync(repair: true);
        var after = await RunAsync();

        Assert.Equal(2, repaired.Drifts.Count);
        Assert.All(repaired.Drifts, d => Assert.Equal(DriftKind.Orphan, d.Kind));
        Assert.StartsWith("re-registered", repaired.Drifts.Single(d => d.Key == orphanKey).Action, StringComparison.Ordinal);
        Assert.StartsWith("left alone", repaired.Drifts.Single(d => d.Key.EndsWith("readme.txt", StringComparison.Ordinal)).Action, StringComparison.Ordinal);
        var registered = await World.Catalog.Files.FindByKeyAsync(orphanKey, World.Ct);
        Assert.Equal((row!.Sha256, 1, 1), (registered!.Sha256, registered.VersionMajor, registered.VersionMinor));
        Assert.Equal(DriftKind.Orphan, Assert.Single(after.Drifts).Kind);
    }

    [Fact]
    public async Task RunAsync_SameSizeOtherBytes_FoundByFullChecksumsNotBySizesAlone()
    {
        var location = LocationOf(SimulatedFileKind.Housekeeping);
        var bytes = await World.ReadAsync(location.Bucket, location.Key);
        bytes[100] ^= 0xFF;
        await World.Store.PutAsync(location.Bucket, location.Key, new MemoryStream(bytes), null, World.Ct);

        var sizesOnly = await RunAsync(sample: 0);
        var full = await RunAsync(repair: true, sample: 1);

        Assert.True(sizesOnly.Clean);
        Assert.Equal(0, sizesOnly.ObjectsChecksummed);
        var drift = Assert.Single(full.Drifts);
        Assert.Equal((DriftKind.ChecksumMismatch, "flagged CHECKSUM_MISMATCH"), (drift.Kind, drift.Action));
        Assert.Equal(FileProblemKind.ChecksumMismatch, Assert.Single(await World.Catalog.Problems.ListAsync(World.Ct)).Kind);
    }

    [Fact]
    public async Task RunAsync_ObjectOfOtherSize_ReportsSizeMismatchWithoutHashing()
    {
        var location = LocationOf(SimulatedFileKind.Kernel);
        await World.Store.PutAsync(location.Bucket, location.Key, new MemoryStream(new byte[7]), null, World.Ct);

        var report = await RunAsync(sample: 0);

        Assert.Equal(DriftKind.SizeMismatch, Assert.Single(report.Drifts).Kind);
    }
}

public sealed class FileSystemSqliteReconcilerTests : ReconcilerScenarioTests
{
    protected override Task<IngestWorld> CreateWorldAsync() => IngestWorld.CreateAsync(Backend.FileSystemSqlite, null);
}

public sealed class FileSystemPostgresReconcilerTests(PostgresDatabaseFixture postgres) : ReconcilerScenarioTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override Task<IngestWorld> CreateWorldAsync() => IngestWorld.CreateAsync(Backend.FileSystemPostgres, postgres);
}

public sealed class S3SqliteReconcilerTests : ReconcilerScenarioTests
{
    protected override Task<IngestWorld> CreateWorldAsync() => IngestWorld.CreateAsync(Backend.S3Sqlite, null);
}
