using Sdc.Ccsds;
using Sdc.Mission.Delivery;

namespace Sdc.Simulator.Tests;

public class FaultInjectionTests
{
    [Fact]
    public async Task RunAsync_Truncate_CutsTheFileMidPacketAndTheRecordKeepsTheFullSize()
    {
        using var directory = new TemporaryDirectory();
        using var clean = new TemporaryDirectory();

        var result = await SmallRuns.RunAsync(SmallRuns.Options(directory.Path, faults: FaultSpec.Parse("truncate:exi")));
        var reference = await SmallRuns.RunAsync(SmallRuns.Options(clean.Path));

        var fault = Assert.Single(result.Faults);
        Assert.Equal(FaultKind.Truncate, fault.Kind);
        var file = result.Files.Single(f => f.Name == fault.FileName);
        Assert.Equal(("exi", 41, SimulatedFileKind.Science), (file.Instrument, file.Orbit, file.Kind));
        var error = Assert.Throws<CcsdsFormatException>(() => ReadAll(file.Path));
        Assert.Equal(fault.Offset, error.Offset);
        var entry = RecordEntry(result, file.Name);
        var original = reference.Files.Single(f => f.Name == file.Name);
        Assert.Equal((original.Size, original.Md5), (entry.Size, entry.Md5));
        Assert.True(file.Size < entry.Size);
        Assert.Equal(file.Size, new FileInfo(file.Path).Length);
    }

    [Fact]
    public async Task RunAsync_BadLength_LastPacketRunsPastTheEndAndTheRecordMatchesTheFile()
    {
        using var directory = new TemporaryDirectory();

        var result = await SmallRuns.RunAsync(SmallRuns.Options(directory.Path, faults: FaultSpec.Parse("bad-length:emr:42")));

        var fault = Assert.Single(result.Faults);
        var file = result.Files.Single(f => f.Name == fault.FileName);
        Assert.Equal(("emr", 42), (file.Instrument, file.Orbit));
        var error = Assert.Throws<CcsdsFormatException>(() => ReadAll(file.Path));
        Assert.Equal(fault.Offset, error.Offset);
        Assert.Contains("runs past the end", error.Problem);
        var entry = RecordEntry(result, file.Name);
        Assert.Equal((file.Size, file.Md5), (entry.Size, entry.Md5));
    }

    [Fact]
    public async Task RunAsync_Gap_ReaderReportsTheMissingPacketsWhereTheFaultSays()
    {
        using var directory = new TemporaryDirectory();

        var result = await SmallRuns.RunAsync(SmallRuns.Options(directory.Path, faults: FaultSpec.Parse("gap:emu")));

        var fault = Assert.Single(result.Faults);
        var file = result.Files.Single(f => f.Name == fault.FileName);
        var tracker = ReadAll(file.Path);
        var gap = Assert.Single(tracker.Gaps);
        Assert.Equal((fault.Apid, fault.Offset, fault.MissingPackets), (gap.Apid, gap.Offset, gap.Missing));
        Assert.Equal(3, gap.Missing);
        var entry = RecordEntry(result, file.Name);
        Assert.Equal((file.Size, file.Md5), (entry.Size, entry.Md5));
    }

    [Fact]
    public async Task RunAsync_BadMd5_OnlyThatFilesRecordEntryIsWrong()
    {
        using var directory = new TemporaryDirectory();

        var result = await SmallRuns.RunAsync(SmallRuns.Options(directory.Path, faults: FaultSpec.Parse("bad-md5:sc:42")));

        var fault = Assert.Single(result.Faults);
        Assert.StartsWith("emm_sc_l0_", fault.FileName, StringComparison.Ordinal);
        foreach (var file in result.Files.SkipLast(1))
        {
            var entry = RecordEntry(result, file.Name);
            Assert.Equal(file.Size, entry.Size);
            Assert.Equal(file.Name == fault.FileName, entry.Md5 != file.Md5);
            Assert.Matches("^[0-9a-f]{32}$", entry.Md5);
        }
        ReadAll(result.Files.Single(f => f.Name == fault.FileName).Path);
    }

    [Fact]
    public async Task RunAsync_AllFaultsAtOnce_InjectsEachOnItsFile()
    {
        using var directory = new TemporaryDirectory();

        var result = await SmallRuns.RunAsync(SmallRuns.Options(directory.Path, faults:
            [FaultSpec.Parse("truncate:exi:41"), FaultSpec.Parse("bad-length:emr"), FaultSpec.Parse("gap:emu:42"), FaultSpec.Parse("bad-md5")]));

        Assert.Equal([FaultKind.Gap, FaultKind.BadLength, FaultKind.Truncate, FaultKind.BadMd5], result.Faults.Select(f => f.Kind));
        var byKind = result.Faults.ToDictionary(f => f.Kind, f => f.FileName);
        Assert.Equal(3, byKind.Values.Distinct().Count());
        Assert.Equal(byKind[FaultKind.Truncate], byKind[FaultKind.BadMd5]);
        Assert.Contains("_emr_", byKind[FaultKind.BadLength], StringComparison.Ordinal);
        Assert.Contains("_0042_", byKind[FaultKind.Gap], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_GapAndBadLengthOnOneFile_BothShow()
    {
        using var directory = new TemporaryDirectory();

        var result = await SmallRuns.RunAsync(SmallRuns.Options(directory.Path, faults: [FaultSpec.Parse("bad-length:exi"), FaultSpec.Parse("gap:exi")]));

        var gap = result.Faults.Single(f => f.Kind == FaultKind.Gap);
        var badLength = result.Faults.Single(f => f.Kind == FaultKind.BadLength);
        using var reader = new SpacePacketReader(File.OpenRead(result.Files.Single(f => f.Name == gap.FileName).Path));
        var error = Assert.Throws<CcsdsFormatException>(() => reader.ReadAll().Count());
        Assert.Equal(badLength.Offset, error.Offset);
        Assert.Equal(gap.Offset, Assert.Single(reader.Sequence.Gaps).Offset);
    }

    [Fact]
    public async Task RunAsync_FaultOnAnInstrumentNotSimulated_IsRejected()
    {
        using var directory = new TemporaryDirectory();
        var options = SmallRuns.Options(directory.Path, faults: FaultSpec.Parse("gap:emu")) with { Instruments = ["exi"] };

        await Assert.ThrowsAsync<ArgumentException>(() => SmallRuns.RunAsync(options));
    }

    [Theory]
    [InlineData("truncate", FaultKind.Truncate, null, null)]
    [InlineData("bad-length:emr", FaultKind.BadLength, "emr", null)]
    [InlineData("gap:sc:7", FaultKind.Gap, "sc", 7)]
    [InlineData("bad-md5::3", FaultKind.BadMd5, null, 3)]
    public void Parse_KindInstrumentOrbit_ReadsEachPart(string text, FaultKind kind, string? instrument, int? orbit)
    {
        Assert.Equal(new FaultSpec(kind, instrument, orbit), FaultSpec.Parse(text));
    }

    [Theory]
    [InlineData("explode")]
    [InlineData("gap:xyz")]
    [InlineData("gap:exi:one")]
    [InlineData("gap:exi:1:2")]
    public void Parse_Nonsense_Throws(string text)
    {
        Assert.Throws<ArgumentException>(() => FaultSpec.Parse(text));
    }

    private static SequenceTracker ReadAll(string path)
    {
        using var reader = new SpacePacketReader(File.OpenRead(path));
        while (reader.TryRead(out _))
        {
        }
        return reader.Sequence;
    }

    private static DeliveryRecordFile RecordEntry(SimulationResult result, string name)
    {
        using var stream = File.OpenRead(result.DeliveryRecord.Path);
        return DeliveryRecord.Read(stream).Files.Single(f => f.Name == name);
    }
}
