using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sdc.Catalog;
using Sdc.Ingest.Layout;
using Sdc.Ingest.Manifests;
using Sdc.Ingest.Tests.Support;
using Sdc.Simulator;
using Sdc.Storage;

namespace Sdc.Ingest.Tests;

/// <summary>
/// The integrity function end to end on simulated MOC deliveries, run once per backend by the
/// derived classes: file-system store with SQLite and with PostgreSQL, S3 (s3rver) with SQLite.
/// </summary>
public abstract class IngestScenarioTests : IAsyncLifetime
{
    private IngestWorld? _world;

    protected IngestWorld World => _world ?? throw new InvalidOperationException("Not initialised.");

    protected abstract Task<IngestWorld> CreateWorldAsync(IngestOptions? options = null);

    public async Task InitializeAsync() => _world = await CreateWorldAsync();

    public async Task DisposeAsync()
    {
        if (_world is not null)
        {
            await _world.DisposeAsync();
        }
    }

    [Fact]
    public async Task DeliverAsync_GoodDelivery_ArchivesEveryFileAndWritesOneManifest()
    {
        var delivery = await Simulations.GetAsync();
        var dataFiles = delivery.Files.Where(f => f.Kind != SimulatedFileKind.DeliveryRecord).ToList();

        var outcomes = await World.DeliverAsync(delivery);

        Assert.All(dataFiles, f => Assert.Equal(IngestOutcome.Archived, outcomes[f.Name].Outcome));
        Assert.Equal(IngestOutcome.Recorded, outcomes[delivery.DeliveryRecord.Name].Outcome);
        Assert.Empty(await World.KeysAsync(Buckets.Inbox));
        Assert.Equal(dataFiles.Count, await World.CatalogCountAsync());
        foreach (var file in dataFiles)
        {
            var identity = FileIdentity.Of(World.Mission, World.Mission.ParseFileName(file.Name), file.Name);
            var row = await World.Catalog.Files.FindByKeyAsync(identity.Location.Key, World.Ct);
            Assert.NotNull(row);
            Assert.Equal((file.Size, file.Md5), (row.SizeBytes, row.Md5));
            Assert.Equal(Sha256(file.Path), row.Sha256);
            Assert.Equal(Sha256(file.Path), Convert.ToHexStringLower(SHA256.HashData(await World.ReadAsync(identity.Location.Bucket, identity.Location.Key))));
        }
        var manifestKey = Assert.Single(await World.KeysAsync(Buckets.Archive, StorageLayout.ManifestPrefix));
        var manifest = ManifestWriter.Read(await World.ReadAsync(Buckets.Archive, manifestKey));
        Assert.Equal(dataFiles.Select(f => f.Name).Order(StringComparer.Ordinal), manifest.Files.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal(delivery.DeliveryRecord.Name, manifest.Delivery);
        Assert.Contains(await World.KeysAsync(Buckets.Archive, StorageLayout.DeliveryPrefix), k => k.EndsWith(delivery.DeliveryRecord.Name, StringComparison.Ordinal));
        var science = await World.Catalog.Files.FindByKeyAsync(manifest.Files.Single(f => f.Kind == "science" && f.Instrument == "exi").Key, World.Ct);
        Assert.Equal((new DateTime(2021, 2, 24), (int?)1), (science!.StartTime!.Value.UtcDateTime.Date, science.Orbit));
        Assert.True(science.EndTime > science.StartTime, "the L0 time range comes from its packets");
    }

    [Fact]
    public async Task HandleAsync_SameEventsDeliveredTwice_OneRowPerFileAndOneManifest()
    {
        var delivery = await Simulations.GetAsync();
        await World.DeliverAsync(delivery);
        var rows = await World.CatalogCountAsync();

        // S3 delivers some events again after the work is done...
        foreach (var file in delivery.Files)
        {
            var again = Assert.Single(await World.Services.Integrity.HandleAsync(Buckets.Inbox, file.Name, World.Ct));
            Assert.Equal(IngestOutcome.Gone, again.Outcome);
        }
        // ...and the MOC sometimes sends the whole delivery twice.
        var resent = await World.DeliverAsync(delivery);

        Assert.All(delivery.Files.Where(f => f.Kind != SimulatedFileKind.DeliveryRecord), f => Assert.Equal(IngestOutcome.Duplicate, resent[f.Name].Outcome));
        Assert.Equal(rows, await World.CatalogCountAsync());
        Assert.Single(await World.KeysAsync(Buckets.Archive, StorageLayout.ManifestPrefix));
        Assert.Empty(await World.KeysAsync(Buckets.Inbox));
        Assert.Empty((await World.Services.Sweep.RunAsync(TimeSpan.Zero, World.Ct)).Manifests);
    }

    [Theory]
    [InlineData("truncate:exi", "emm_exi_l0", "size", "INT-E002")]
    [InlineData("bad-length:emu", "emm_emu_l0", "packets", "INT-E004")]
    [InlineData("bad-md5:emr", "emm_emr_l0", "md5", "INT-E003")]
    public async Task DeliverAsync_SimulatorFault_QuarantinesThatFileWithItsReason(string fault, string victimPrefix, string check, string code)
    {
        var delivery = await Simulations.GetAsync(fault);
        var victim = delivery.Files.Single(f => f.Name.StartsWith(victimPrefix, StringComparison.Ordinal));

        var outcomes = await World.DeliverAsync(delivery);

        var report = outcomes[victim.Name];
        Assert.Equal(IngestOutcome.Quarantined, report.Outcome);
        Assert.Equal(code, report.Code);
        Assert.Equal(StorageLayout.QuarantineKey(World.Clock.GetUtcNow(), victim.Name), report.Destination);
        Assert.Equal(await File.ReadAllBytesAsync(victim.Path), await World.ReadAsync(Buckets.Archive, report.Destination!));
        using var reason = JsonDocument.Parse(await World.ReadAsync(Buckets.Archive, report.Destination + StorageLayout.ReasonSuffix));
        Assert.Equal(check, reason.RootElement.GetProperty("check").GetString());
        Assert.Equal(code, reason.RootElement.GetProperty("code").GetString());
        Assert.Equal(delivery.DeliveryRecord.Name, reason.RootElement.GetProperty("delivery").GetString());
        Assert.False(string.IsNullOrEmpty(reason.RootElement.GetProperty("expected").GetString()));
        Assert.NotEqual(reason.RootElement.GetProperty("expected").GetString(), reason.RootElement.GetProperty("actual").GetString());
        Assert.Equal(Sha256(victim.Path), reason.RootElement.GetProperty("sha256").GetString());

        // The rest of the delivery is archived and manifested without the bad file.
        var others = delivery.Files.Where(f => f != victim && f.Kind != SimulatedFileKind.DeliveryRecord).ToList();
        Assert.All(others, f => Assert.Equal(IngestOutcome.Archived, outcomes[f.Name].Outcome));
        Assert.Equal(others.Count, await World.CatalogCountAsync());
        var manifest = ManifestWriter.Read(await World.ReadAsync(Buckets.Archive, Assert.Single(await World.KeysAsync(Buckets.Archive, StorageLayout.ManifestPrefix))));
        Assert.DoesNotContain(manifest.Files, f => f.Name == victim.Name);
        Assert.Empty(await World.KeysAsync(Buckets.Inbox));
    }

    [Fact]
    public async Task DeliverAsync_SequenceGap_ArchivesTheFileWithAGapRemark()
    {
        var delivery = await Simulations.GetAsync("gap:sc");
        var victim = delivery.Files.Single(f => f.Kind == SimulatedFileKind.Housekeeping);

        var outcomes = await World.DeliverAsync(delivery);

        // A gap is data the spacecraft never sent: the file is kept, the remark says what is missing.
        Assert.Equal(IngestOutcome.Archived, outcomes[victim.Name].Outcome);
        Assert.Equal("INT-W001", outcomes[victim.Name].Code);
        Assert.Contains("3 packets missing", outcomes[victim.Name].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_SameNameOtherContent_QuarantinesAsConflictAndKeepsTheArchivedCopy()
    {
        var delivery = await Simulations.GetAsync();
        await World.DeliverAsync(delivery);
        var original = delivery.Files.First(f => f.Kind == SimulatedFileKind.Kernel && f.Name.EndsWith(".tls", StringComparison.Ordinal));
        var identity = FileIdentity.Of(World.Mission, World.Mission.ParseFileName(original.Name), original.Name);
        var before = await World.Catalog.Files.FindByKeyAsync(identity.Location.Key, World.Ct);
        var altered = (await File.ReadAllTextAsync(original.Path)).Replace("DELTET", "DELTAT", StringComparison.Ordinal);
        var alteredBytes = Encoding.ASCII.GetBytes(altered);

        await World.DropBytesAsync(original.Name + ".md5", Encoding.ASCII.GetBytes(Convert.ToHexStringLower(MD5.HashData(alteredBytes)) + "  " + original.Name + "\n"));
        var report = Assert.Single(await World.DropBytesAsync(original.Name, alteredBytes));

        Assert.Equal(IngestOutcome.Conflict, report.Outcome);
        Assert.Equal("INT-E007", report.Code);
        Assert.Equal(await File.ReadAllBytesAsync(original.Path), await World.ReadAsync(identity.Location.Bucket, identity.Location.Key));
        Assert.Equal(before, await World.Catalog.Files.FindByKeyAsync(identity.Location.Key, World.Ct));
        Assert.Equal(alteredBytes, await World.ReadAsync(Buckets.Archive, report.Destination!));
    }

    [Fact]
    public async Task HandleAsync_HostileKeys_AreRejectedWithoutTouchingStorage()
    {
        var hostile = new[] { "../../etc/passwd", "emm_" + new string('a', 10_000) + ".dat", "/etc/passwd", "a/../../b", "bad\u0000name" };
        var before = Snapshot(World.Root);

        foreach (var key in hostile)
        {
            var report = Assert.Single(await World.Services.Integrity.HandleAsync(Buckets.Inbox, key, World.Ct));
            Assert.Equal(IngestOutcome.Rejected, report.Outcome);
            await Assert.ThrowsAsync<InvalidObjectKeyException>(() => World.Store.PutAsync(Buckets.Inbox, key, new MemoryStream([1, 2, 3]), null, World.Ct));
        }

        Assert.Equal(before, Snapshot(World.Root));
        Assert.Empty(await World.KeysAsync(Buckets.Inbox));
        Assert.Empty(await World.KeysAsync(Buckets.Archive));
        Assert.Equal(0, await World.CatalogCountAsync());
    }

    [Fact]
    public async Task HandleAsync_FilesArriveAfterTheirRecord_ArchivedAsTheyComeAndManifestedOnTheLast()
    {
        var delivery = await Simulations.GetAsync();
        var files = delivery.Files.Where(f => f.Kind != SimulatedFileKind.DeliveryRecord).ToList();

        var recorded = Assert.Single(await World.DropAsync(delivery.DeliveryRecord.Path));
        Assert.Equal(IngestOutcome.Recorded, recorded.Outcome);
        Assert.Null(recorded.ManifestKey);
        var reports = new List<FileReport>();
        foreach (var file in files)
        {
            reports.Add(Assert.Single(await World.DropAsync(file.Path)));
        }

        Assert.All(reports, r => Assert.Equal(IngestOutcome.Archived, r.Outcome));
        Assert.All(reports[..^1], r => Assert.Null(r.ManifestKey));
        Assert.NotNull(reports[^1].ManifestKey);
        Assert.Equal(reports[^1].ManifestKey, Assert.Single(await World.KeysAsync(Buckets.Archive, StorageLayout.ManifestPrefix)));
    }

    [Fact]
    public async Task SweepAsync_SidecarFiles_ManifestedOnceAfterTheQuietPeriod()
    {
        var delivery = await Simulations.GetAsync();
        var files = delivery.Files.Where(f => f.Kind == SimulatedFileKind.Calibration).Take(2).ToList();

        foreach (var file in files)
        {
            Assert.Equal(IngestOutcome.Waiting, Assert.Single(await World.DropAsync(file.Path)).Outcome);
            var sidecar = Assert.Single(await World.DropBytesAsync(file.Name + ".md5", Encoding.ASCII.GetBytes(file.Md5)));
            Assert.Equal(IngestOutcome.Archived, sidecar.Outcome);
            Assert.Equal(file.Name, sidecar.FileName);
        }
        World.Clock.Advance(World.Options.QuietPeriod - TimeSpan.FromSeconds(1));
        var early = await World.Services.Sweep.RunAsync(null, World.Ct);
        World.Clock.Advance(TimeSpan.FromSeconds(1));
        var due = await World.Services.Sweep.RunAsync(null, World.Ct);
        var again = await World.Services.Sweep.RunAsync(null, World.Ct);

        Assert.Empty(early.Manifests);
        var key = Assert.Single(due.Manifests);
        Assert.Empty(again.Manifests);
        var manifest = ManifestWriter.Read(await World.ReadAsync(Buckets.Archive, key));
        Assert.Equal(ManifestWriter.SidecarSource, manifest.Source);
        Assert.Equal(files.Select(f => f.Name).Order(StringComparer.Ordinal), manifest.Files.Select(f => f.Name));
        Assert.Empty(await World.KeysAsync(Buckets.Inbox));
    }

    [Fact]
    public async Task SweepAsync_DeliveryInterruptedBeforeItsManifest_WritesItOnce()
    {
        var delivery = await Simulations.GetAsync();
        var interrupted = new IngestServices(World.Mission, new ManifestWriteFails(World.Store), World.Catalog, World.Options, World.Clock,
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        foreach (var file in delivery.Files)
        {
            await using (var stream = File.OpenRead(file.Path))
            {
                await World.Store.PutAsync(Buckets.Inbox, file.Name, stream, null, World.Ct);
            }
            if (file.Kind == SimulatedFileKind.DeliveryRecord)
            {
                await Assert.ThrowsAsync<IOException>(() => interrupted.Integrity.HandleAsync(Buckets.Inbox, file.Name, World.Ct));
            }
            else
            {
                await interrupted.Integrity.HandleAsync(Buckets.Inbox, file.Name, World.Ct);
            }
        }
        Assert.Empty(await World.KeysAsync(Buckets.Archive, StorageLayout.ManifestPrefix));

        var first = await World.Services.Sweep.RunAsync(null, World.Ct);
        var second = await World.Services.Sweep.RunAsync(null, World.Ct);

        var key = Assert.Single(first.Manifests);
        Assert.Empty(second.Manifests);
        Assert.Equal([key], await World.KeysAsync(Buckets.Archive, StorageLayout.ManifestPrefix));
        Assert.Equal(delivery.Files.Count - 1, ManifestWriter.Read(await World.ReadAsync(Buckets.Archive, key)).Files.Count);
        Assert.Equal(DeliveryStatus.Complete, (await World.Catalog.Deliveries.FindAsync(delivery.DeliveryRecord.Name, World.Ct))!.Status);
    }

    [Fact]
    public async Task SweepAsync_FileWithNeitherRecordNorSidecar_WaitsThenIsQuarantinedAsOrphan()
    {
        var delivery = await Simulations.GetAsync();
        var file = delivery.Files.First(f => f.Kind == SimulatedFileKind.Science);

        Assert.Equal(IngestOutcome.Waiting, Assert.Single(await World.DropAsync(file.Path)).Outcome);
        World.Clock.Advance(TimeSpan.FromHours(1));
        var waiting = await World.Services.Sweep.RunAsync(null, World.Ct);
        World.Clock.Advance(World.Options.OrphanTimeout);
        var timedOut = await World.Services.Sweep.RunAsync(null, World.Ct);

        Assert.Equal(IngestOutcome.Waiting, Assert.Single(waiting.Files).Outcome);
        var orphan = Assert.Single(timedOut.Files);
        Assert.Equal((IngestOutcome.Quarantined, "INT-E010"), (orphan.Outcome, orphan.Code));
        Assert.Empty(await World.KeysAsync(Buckets.Inbox));
    }

    [Theory]
    [InlineData("{ \"record\": \"emm_moc_20210224T060000_0009.pdr.json\", \"created\": \"2021-02-24T06:00:00Z\" }", "files: missing")]
    [InlineData("{ \"record\": \"emm_moc_20210224T060000_0009.pdr.json\", \"created\": \"2021-02-24T06:00:00Z\", \"files\": [ { \"name\": \"x.dat\", \"size\": 1, \"md5\": \"0123456789abcdef0123456789abcdef\" } ] }", "files[0].name")]
    [InlineData("{ \"record\": \"emm_moc_20210224T060000_0001.pdr.json\", \"created\": \"2021-02-24T06:00:00Z\", \"files\": [ { \"name\": \"emm_exi_l0_20210224T000000_0001_sci_v01-00.dat\", \"size\": 1, \"md5\": \"0123456789abcdef0123456789abcdef\" } ] }", "record:")]
    [InlineData("{ not json", "not JSON")]
    public async Task HandleAsync_MalformedDeliveryRecord_QuarantinedNamingTheField(string json, string named)
    {
        var report = Assert.Single(await World.DropBytesAsync("emm_moc_20210224T060000_0009.pdr.json", Encoding.UTF8.GetBytes(json)));

        Assert.Equal((IngestOutcome.Quarantined, "INT-E006"), (report.Outcome, report.Code));
        using var reason = JsonDocument.Parse(await World.ReadAsync(Buckets.Archive, report.Destination + StorageLayout.ReasonSuffix));
        Assert.Contains(named, reason.RootElement.GetProperty("actual").GetString(), StringComparison.Ordinal);
        Assert.Null(await World.Catalog.Deliveries.FindAsync("emm_moc_20210224T060000_0009.pdr.json", World.Ct));
    }

    [Fact]
    public async Task HandleAsync_NameOutsideTheMissionRules_QuarantinedSayingWhichPart()
    {
        var report = Assert.Single(await World.DropBytesAsync("incoming/emm_xyz_l0_20210224T000000_0001_sci_v01-00.dat", [1, 2, 3]));

        Assert.Equal((IngestOutcome.Quarantined, "INT-E001"), (report.Outcome, report.Code));
        Assert.Contains("instrument", report.Message, StringComparison.Ordinal);
        Assert.Empty(await World.KeysAsync(Buckets.Inbox));
    }

    [Fact]
    public async Task HandleAsync_KernelWhoseHeaderIsAnotherType_QuarantinedAsBadKernel()
    {
        var delivery = await Simulations.GetAsync();
        var spk = delivery.Files.Single(f => f.Name.EndsWith(".bsp", StringComparison.Ordinal));
        const string name = "emm_ck_20210224_20210224_v02-00.bc";

        await World.DropBytesAsync(name + ".md5", Encoding.ASCII.GetBytes(spk.Md5));
        var report = Assert.Single(await World.DropBytesAsync(name, await File.ReadAllBytesAsync(spk.Path)));

        Assert.Equal((IngestOutcome.Quarantined, "INT-E005"), (report.Outcome, report.Code));
        Assert.Contains("DAF/CK", report.Message, StringComparison.Ordinal);
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>Every file under the folder (and its parent, where an escape would land) with its size.</summary>
    private static List<string> Snapshot(string root)
    {
        var parent = Path.GetDirectoryName(root)!;
        return Directory.EnumerateFiles(parent, "*", SearchOption.TopDirectoryOnly)
            .Concat(Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories) : [])
            .Where(f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal))
            .Select(f => $"{f}:{new FileInfo(f).Length}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
