namespace Sdc.Ccsds.Tests;

public class SequenceTrackerTests
{
    [Fact]
    public void Observe_SkippedCounts_ReportsGapPerApidWithoutThrowing()
    {
        var bytes = PacketStreams.Write(w =>
        {
            w.Write(0x110, PacketStreams.Time, [0]);
            w.Write(0x120, PacketStreams.Time, [0]);
            w.SkipSequenceCount(0x110, 3);
            w.Write(0x110, PacketStreams.Time, [0]);
            w.Write(0x120, PacketStreams.Time, [0]);
            w.SkipSequenceCount(0x120, 1);
            w.Write(0x120, PacketStreams.Time, [0]);
        });
        var tracker = new SequenceTracker();

        var packets = PacketStreams.ReadAll(bytes, tracker: tracker);

        Assert.Equal(5, packets.Count);
        Assert.Equal(
            [new SequenceGap(0x110, 26, 1, 4), new SequenceGap(0x120, 52, 2, 3)],
            tracker.Gaps);
        Assert.Equal([3, 1], tracker.Gaps.Select(g => g.Missing));
        Assert.Equal(4, tracker.MissingPackets);
        var summary = tracker.Summarize();
        Assert.Equal(new ApidSequenceSummary(0x110, 2, 1, 3, 0, 4), summary[0]);
        Assert.Equal(new ApidSequenceSummary(0x120, 3, 1, 1, 0, 3), summary[1]);
    }

    [Fact]
    public void Observe_CountWrapsFrom16383ToZero_IsNoGap()
    {
        var bytes = PacketStreams.Write(w =>
        {
            w.SkipSequenceCount(0x10, 16382);
            for (var i = 0; i < 4; i++)
            {
                w.Write(0x10, PacketStreams.Time, [0]);
            }
        });
        var tracker = new SequenceTracker();

        var packets = PacketStreams.ReadAll(bytes, tracker: tracker);

        Assert.Equal([16382, 16383, 0, 1], packets.Select(p => p.Header.SequenceCount));
        Assert.Empty(tracker.Gaps);
    }

    [Fact]
    public void Observe_GapAcrossWrap_CountsMissingModulo16384()
    {
        Assert.Equal(5, new SequenceGap(0x10, 0, 16382, 3).Missing);
    }
}
