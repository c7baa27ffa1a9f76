using Sdc.Ccsds;
using Sdc.Instruments;
using Sdc.Processors.Emu.Level0;
using Sdc.Processors.Emu.Tests.Support;

namespace Sdc.Processors.Emu.Tests;

public sealed class DecoderTests : IDisposable
{
    private static readonly CucTime FrameStart = CucTime.FromDateTime(Simulated.Start);
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Decode_SimulatedOrbit_GivesCompleteFramesWithEventsOnTheDetector()
    {
        var simulation = await Simulated.RunAsync(_directory.Path, 5);
        await using var stream = File.OpenRead(simulation.Level0());

        var data = EmusLevel0Decoder.Decode(stream);

        Assert.Equal(Enumerable.Range(0, 5).Select(f => (uint)((41 << 16) | f)), data.Frames.Select(f => f.Id));
        Assert.All(data.Frames, f => Assert.True(f.IsComplete && f.DurationMicroseconds == 8_000_000 && f.EventsOutside == 0));
        Assert.Equal(FrameStart, data.Frames[0].Start);
        Assert.Empty(data.Gaps);
        Assert.Equal(0, data.Quality);
        Assert.Equal(data.Frames.Sum(f => f.Events), data.Events.Count);
        Assert.All(data.Events.X, x => Assert.InRange(x, (short)0, (short)1023));
        Assert.All(data.Events.Time, t => Assert.InRange(t, 0, 8));
        Assert.Equal(data.Frames.Sum(f => f.PacketsExpected), data.Packets);
    }

    [Fact]
    public void Decode_StreamCutInsideAPacket_ThrowsWithThatPacketsOffset()
    {
        var bytes = Packets(w =>
        {
            Write(w, 7, 0, 2, [new(1, 2, 3)]);
            Write(w, 7, 1, 2, [new(4, 5, 6), new(7, 8, 9)]);
        });
        var secondOffset = 12 + EmusPhotonEventPacket.PayloadLength(1);

        var error = Assert.Throws<CcsdsFormatException>(() => EmusLevel0Decoder.Decode(new MemoryStream(bytes[..^3])));

        Assert.Equal(secondOffset, error.Offset);
    }

    [Fact]
    public void Decode_PacketAnnouncingMoreEventsThanItHolds_ThrowsPayloadErrorWithOffset()
    {
        var payload = new byte[EmusPhotonEventPacket.PayloadLength(2)];
        EmusPhotonEventPacket.Encode(new EmusFrameHeader(7, 8_000_000, 1, 2, 2), [new(4, 5, 6), new(7, 8, 9)], payload);
        payload[13] = 3; // three events announced, two present
        var bytes = Packets(w =>
        {
            Write(w, 7, 0, 2, [new(1, 2, 3)]);
            w.Write(EmusPhotonEventPacket.Apid, FrameStart, payload);
        });

        var error = Assert.Throws<EmusPayloadException>(() => EmusLevel0Decoder.Decode(new MemoryStream(bytes)));

        Assert.Equal(12 + EmusPhotonEventPacket.PayloadLength(1), error.Offset);
    }

    [Fact]
    public void Decode_FrameMissingAPacketAndForeignApid_ReportsIncompleteFrameAndSkippedPackets()
    {
        var bytes = Packets(w =>
        {
            Write(w, 7, 0, 3, [new(1, 2, 3)]);
            w.Write(HousekeepingPacket.Apid, FrameStart, new byte[20]);
            w.SkipSequenceCount(EmusPhotonEventPacket.Apid, 1);
            Write(w, 7, 2, 3, [new(10, 20, 8_000_000)]);
        });

        var data = EmusLevel0Decoder.Decode(new MemoryStream(bytes));

        var frame = Assert.Single(data.Frames);
        Assert.Equal((3, 2, 2, 1), (frame.PacketsExpected, frame.PacketsReceived, frame.Events, frame.EventsOutside));
        Assert.Equal(EmuQuality.PacketsMissing | EmuQuality.IncompleteFrame | EmuQuality.EventsOutsideFrame, data.Quality);
        Assert.Equal(1, Assert.Single(data.Gaps).Missing);
        Assert.Equal(1, data.ForeignPackets);
        Assert.Equal([0.000003, 8.0], data.Events.Time);
    }

    private static byte[] Packets(Action<SpacePacketWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new SpacePacketWriter(stream, leaveOpen: true))
        {
            write(writer);
        }
        return stream.ToArray();
    }

    private static void Write(SpacePacketWriter writer, uint frame, int index, int count, EmusPhotonEvent[] events)
    {
        var payload = new byte[EmusPhotonEventPacket.PayloadLength(events.Length)];
        EmusPhotonEventPacket.Encode(new EmusFrameHeader(frame, 8_000_000, index, count, events.Length), events, payload);
        writer.Write(EmusPhotonEventPacket.Apid, FrameStart, payload);
    }
}
