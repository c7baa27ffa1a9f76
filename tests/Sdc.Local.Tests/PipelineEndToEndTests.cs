using System.Security.Cryptography;
using System.Text;
using Sdc.Catalog;
using Sdc.Mission.Delivery;
using Sdc.Simulator;

namespace Sdc.Local.Tests;

/// <summary>
/// The real pipeline.asl.json on the local runtime with the real processors: deliveries end with
/// every expected product indexed with lineage; a bad file, a hung processor, and a new kernel do
/// what an operator expects.
/// </summary>
public sealed class PipelineEndToEndTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("sdc-e2e-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Delivery_AllInstruments_EveryLevel1Level2AndQuicklookIndexedWithLineage()
    {
        var delivery = await LocalWorld.SimulateAsync(Path.Combine(_scratch, "sim"), 1);
        await using var world = await LocalWorld.StartAsync();

        await world.DeliverAndWaitAsync(delivery.Files.Select(f => f.Path));

        var jobs = await world.JobsAsync();
        Assert.Equal(6, jobs.Count);
        Assert.All(jobs, j => Assert.Equal(JobStatus.Ok, j.Status));
        var run = Assert.Single(await world.Catalog.Jobs.ListRunsAsync(10, null, world.Ct));
        Assert.Equal(RunStatus.Ok, run.Status);
        foreach (var instrument in new[] { "exi", "emr", "emu" })
        {
            foreach (var level in new[] { "l1", "l2", "ql" })
            {
                var products = (await world.ProductsAsync(level)).Where(p => p.Instrument == instrument).ToList();
                Assert.True(products.Count > 0, $"no {instrument} {level} product");
                foreach (var product in products)
                {
                    var inputs = await world.Catalog.Lineage.GetInputsAsync(product.Id, world.Ct);
                    Assert.Contains(inputs, i => i.Role == LineageRole.Input && i.File.Level == (level == "l1" ? "l0" : "l1"));
                    Assert.Equal("01-00", $"{product.VersionMajor:00}-{product.VersionMinor:00}");
                }
            }
            var level1 = (await world.ProductsAsync("l1")).First(p => p.Instrument == instrument);
            Assert.Equal(4, (await world.Catalog.Lineage.GetInputsAsync(level1.Id, world.Ct)).Count(i => i.Role == LineageRole.Kernel));
        }
        var history = await world.Catalog.Jobs.GetHistoryAsync(run.ExecutionName, world.Ct);
        Assert.Contains(history, e => e.Type == "ExecutionSucceeded");
    }

    [Fact]
    public async Task Delivery_OneFileThePipelineCannotProcess_ThatJobEndsInErrorAndEveryOtherProductIsMade()
    {
        var delivery = await LocalWorld.SimulateAsync(Path.Combine(_scratch, "sim"), 2);
        // Well-formed packets (ingest accepts them) of the wrong instrument: EMIRS' processor finds no interferograms.
        var emr = delivery.Files.Single(f => f.Instrument == "emr" && f.Orbit == 2);
        var housekeeping = delivery.Files.Single(f => f.Kind == SimulatedFileKind.Housekeeping && f.Orbit == 2);
        File.Copy(housekeeping.Path, emr.Path, overwrite: true);
        var bytes = await File.ReadAllBytesAsync(emr.Path);
        DeliveryRecord record;
        await using (var original = File.OpenRead(delivery.DeliveryRecord.Path))
        {
            record = DeliveryRecord.Read(original);
        }
        record = record with
        {
            Files = record.Files.Select(f => f.Name == emr.Name ? new DeliveryRecordFile(f.Name, bytes.Length, Convert.ToHexStringLower(MD5.HashData(bytes))) : f).ToList(),
        };
        await using (var stream = File.Create(delivery.DeliveryRecord.Path))
        {
            record.WriteTo(stream);
        }
        await using var world = await LocalWorld.StartAsync();

        await world.DeliverAndWaitAsync(delivery.Files.Select(f => f.Path));

        var jobs = await world.JobsAsync();
        var failed = Assert.Single(jobs, j => j.Status != JobStatus.Ok);
        Assert.Equal((JobStatus.Error, "emr", "l1", (int?)2), (failed.Status, failed.Instrument, failed.Level, failed.ExitCode));
        Assert.Contains(await world.Catalog.Jobs.GetMessagesAsync(failed.Id, world.Ct), m => m.Severity == MessageSeverity.Error && m.Code.StartsWith("EMR-", StringComparison.Ordinal));
        Assert.Equal(10, jobs.Count(j => j.Status == JobStatus.Ok)); // 5 of the 6 Level 1 jobs, then the 5 Level 2 jobs they feed
        Assert.Equal(RunStatus.Error, (await world.Catalog.Jobs.ListRunsAsync(10, null, world.Ct))[0].Status);
        var level2 = await world.ProductsAsync("l2");
        Assert.Equal(5, level2.Select(p => (p.Instrument, p.Orbit)).Distinct().Count());
        Assert.DoesNotContain(level2, p => p.Instrument == "emr" && p.Orbit == 2);
    }

    [Fact]
    public async Task Delivery_ProcessorHangs_ItsJobsEndTimedOutAndTheOthersFinish()
    {
        var delivery = await LocalWorld.SimulateAsync(Path.Combine(_scratch, "sim"), 1);
        var hang = Path.Combine(_scratch, "hang.sh");
        await File.WriteAllTextAsync(hang, "#!/usr/bin/env bash\nsleep 600\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hang, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var mission = LocalWorld.RepositoryMission with
        {
            Processors = [.. LocalWorld.RepositoryMission.Processors.Select(p => p.Instrument == "emu" ? p with { TimeoutSeconds = 3 } : p)],
        };
        await using var world = await LocalWorld.StartAsync(mission, new Dictionary<string, string> { ["emu"] = hang });

        await world.DeliverAndWaitAsync(delivery.Files.Select(f => f.Path));

        var jobs = await world.JobsAsync();
        var emu = Assert.Single(jobs, j => j.Instrument == "emu");
        Assert.Equal(JobStatus.TimedOut, emu.Status);
        Assert.Contains("timeout", emu.StatusReason, StringComparison.OrdinalIgnoreCase);
        Assert.All(jobs.Where(j => j.Instrument != "emu"), j => Assert.Equal(JobStatus.Ok, j.Status));
        Assert.Equal(5, jobs.Count);
    }

    [Fact]
    public async Task NewKernel_ReprocessesExactlyTheProductsItCoversAsNewVersionsKeepingTheOld()
    {
        var delivery = await LocalWorld.SimulateAsync(Path.Combine(_scratch, "sim"), 5);
        await using var world = await LocalWorld.StartAsync();
        await world.DeliverAndWaitAsync(delivery.Files.Select(f => f.Path));
        var before = await world.ProductsAsync();
        Assert.Equal(30, (await world.JobsAsync()).Count(j => j.Status == JobStatus.Ok));

        // A corrected SPK for the second day only (orbit 5 of 6-hour orbits), with its checksum sidecar.
        var spk = delivery.Files.Single(f => f.Name.EndsWith(".bsp", StringComparison.Ordinal));
        var kernel = Path.Combine(_scratch, "emm_spk_20210225_20210225_v01-01.bsp");
        // A corrected kernel differs in content (here its comment area); one with the same bytes changes nothing and reprocesses nothing.
        var bytes = await File.ReadAllBytesAsync(spk.Path);
        bytes[1024 + 4] ^= 0x20;
        await File.WriteAllBytesAsync(kernel, bytes);
        await File.WriteAllTextAsync(kernel + ".md5", Convert.ToHexStringLower(MD5.HashData(await File.ReadAllBytesAsync(kernel))), Encoding.ASCII);
        await world.DeliverAndWaitAsync([kernel, kernel + ".md5"]);
        await world.Runtime.Ingest.Sweep.RunAsync(TimeSpan.Zero, world.Ct);
        await world.Runtime.WaitForIdleAsync(world.Ct);

        var after = await world.ProductsAsync();
        var added = after.Where(a => before.All(b => b.Id != a.Id)).ToList();
        Assert.NotEmpty(added);
        Assert.All(added, p => Assert.Equal((5, 1, 1), (p.Orbit!.Value, p.VersionMajor, p.VersionMinor)));
        Assert.Equal(before.Where(p => p.Orbit == 5).Select(p => (p.Instrument, p.Level, p.Descriptor, p.StartTime)).Order().ToList(),
            added.Select(p => (p.Instrument, p.Level, p.Descriptor, p.StartTime)).Order().ToList());
        Assert.All(before, b => Assert.Contains(after, a => a.Id == b.Id));
        var latest = await world.ProductsAsync(versions: VersionSelection.Latest);
        Assert.All(latest.Where(p => p.Orbit == 5), p => Assert.Equal(1, p.VersionMinor));
        Assert.All(latest.Where(p => p.Orbit != 5), p => Assert.Equal(0, p.VersionMinor));
        var reprocessing = (await world.Catalog.Jobs.ListRunsAsync(10, null, world.Ct))[0];
        Assert.All(await world.Catalog.Jobs.ListJobsAsync(reprocessing.Id, world.Ct), j => Assert.Equal("reprocessing", j.Queue));
    }
}
