using Sdc.Processors.Emu.Tests.Support;
using Sdc.Simulator;

namespace Sdc.Processors.Emu.Tests;

[Collection(EmuProcessorRuns.Name)]
public sealed class FaultTests : IDisposable
{
    private const int Frames = 8;
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Run_L0WithSequenceGap_ExitsThreeWithGapWarningAndQualityFlags()
    {
        var simulation = await Simulated.RunAsync(Path.Combine(_directory.Path, "delivery"), Frames, new FaultSpec(FaultKind.Gap, "emu", 41));
        var fault = Assert.Single(simulation.Faults);
        var level0 = simulation.Level0();

        var job = new EmuJob(Path.Combine(_directory.Path, "l1"), "l0", ["l1"], [level0], simulation.Kernels());
        var run = await ProcessorRun.RunJobAsync(job);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal("WARNING", (string?)run.End["status"]);
        var gap = Assert.Single(run.WithCode(EmuMessages.PacketsMissing));
        Assert.Equal("warning", (string?)gap["severity"]);
        Assert.Equal(Path.GetFileName(level0), (string?)gap["file"]);
        Assert.Equal(fault.Offset, (long?)gap["offset"]);
        Assert.Contains("3 EMUS packet(s) missing", (string?)gap["text"], StringComparison.Ordinal);
        Assert.NotEmpty(run.WithCode(EmuMessages.IncompleteFrame));

        var product = Assert.Single(OutputsAssert.Consistent(job.Output))!.AsObject();
        var quality = (int)product["quality"]!;
        Assert.Equal(EmuQuality.PacketsMissing | EmuQuality.IncompleteFrame, quality);
        Assert.Equal(EmuQuality.Notes(quality), product["qualityNotes"]!.AsArray().Select(n => (string)n!));
        var level1 = Directory.GetFiles(job.Output, "*.fits").Single();
        await ExternalTools.AssertFitsVerifyCleanAsync(level1);
        var seen = (await ExternalTools.PythonJsonAsync("""
            import json, sys
            from astropy.io import fits
            with fits.open(sys.argv[1]) as f:
                fr = f['FRAMES'].data
                print(json.dumps({'quality': f[0].header['QUALITY'], 'missing': f[0].header['PKTMISS'],
                                  'flagged': int((fr['QUALITY'] & 2 != 0).sum()), 'short': int((fr['PACKETS'] < fr['NPACKETS']).sum())}))
            """, level1)).AsObject();
        Assert.Equal(quality, (int)seen["quality"]!);
        Assert.Equal(3, (int)seen["missing"]!);
        Assert.True((int)seen["flagged"]! >= 1);
        Assert.Equal((int)seen["short"]!, (int)seen["flagged"]!);

        // L2 from the flagged L1: made from the complete frames, flagged the same, with a warning.
        var level2Job = new EmuJob(Path.Combine(_directory.Path, "l2"), "l1", ["l2", "ql"], [level1],
            calibration: [(simulation.Calibration("flat"), "flat"), (simulation.Calibration("wave"), "wave")]);
        var level2Run = await ProcessorRun.RunJobAsync(level2Job);
        Assert.True(level2Run.ExitCode == 3, level2Run.ToString());
        Assert.Single(level2Run.WithCode(EmuMessages.FlaggedInput));
        Assert.All(OutputsAssert.Consistent(level2Job.Output), p => Assert.Equal(quality, (int)p!["quality"]!));
        await ExternalTools.AssertFitsVerifyCleanAsync(Directory.GetFiles(level2Job.Output, "*.fits").Single());
    }

    [Theory]
    [InlineData(FaultKind.Truncate)]
    [InlineData(FaultKind.BadLength)]
    public async Task Run_L0CutShortOrWithBadLength_ExitsTwoNamingFileAndOffset(FaultKind kind)
    {
        var simulation = await Simulated.RunAsync(Path.Combine(_directory.Path, "delivery"), Frames, new FaultSpec(kind, "emu", 41));
        var fault = Assert.Single(simulation.Faults);
        var level0 = simulation.Level0();

        // The job carries the damaged file's own size and checksums, so the processor itself meets the damage.
        var job = new EmuJob(Path.Combine(_directory.Path, "l1"), "l0", ["l1"], [level0], simulation.Kernels());
        var run = await ProcessorRun.RunJobAsync(job);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("ERROR", (string?)run.End["status"]);
        var error = Assert.Single(run.Messages, m => (string?)m["severity"] == "error");
        Assert.Equal(EmuMessages.BadPackets, (string?)error["code"]);
        Assert.Equal(Path.GetFileName(level0), (string?)error["file"]);
        Assert.Equal(fault.Offset, (long?)error["offset"]);
        Assert.False(File.Exists(Path.Combine(job.Output, "outputs.json")));
    }

    [Fact]
    public async Task Run_StepEmusDoesNotHave_ExitsTwoWithStepError()
    {
        var simulation = await Simulated.RunAsync(Path.Combine(_directory.Path, "delivery"), 2);
        var job = new EmuJob(Path.Combine(_directory.Path, "l2"), "l0", ["l2"], [simulation.Level0()]);

        var run = await ProcessorRun.RunJobAsync(job);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Single(run.WithCode(EmuMessages.BadStep));
    }

    [Fact]
    public async Task Run_L1WithoutWaveCalibration_ExitsTwoWithCalibrationError()
    {
        var simulation = await Simulated.RunAsync(Path.Combine(_directory.Path, "delivery"), 2);
        var level1Job = new EmuJob(Path.Combine(_directory.Path, "l1"), "l0", ["l1"], [simulation.Level0()], simulation.Kernels());
        Assert.Equal(0, (await ProcessorRun.RunJobAsync(level1Job)).ExitCode);
        var job = new EmuJob(Path.Combine(_directory.Path, "l2"), "l1", ["l2", "ql"], [Directory.GetFiles(level1Job.Output, "*.fits").Single()],
            calibration: [(simulation.Calibration("flat"), "flat")]);

        var run = await ProcessorRun.RunJobAsync(job);

        Assert.True(run.ExitCode == 2, run.ToString());
        var error = Assert.Single(run.WithCode(EmuMessages.BadCalibration));
        Assert.Contains("'wave'", (string?)error["text"], StringComparison.Ordinal);
    }
}
