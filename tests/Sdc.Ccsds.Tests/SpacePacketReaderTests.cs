namespace Sdc.Ccsds.Tests;

public class SpacePacketReaderTests
{
    [Fact]
    public void Parse_WrittenPackets_ReturnsHeadersTimesDataAndOffsets()
    {
        var bytes = PacketStreams.Write(w =>
        {
            w.Write(0x110, PacketStreams.Time, PacketStreams.UserData(100, 1));
            w.Write(0x120, PacketStreams.Time, PacketStreams.UserData(7, 2));
            w.WriteWithoutTime(0x130, PacketStreams.UserData(1, 3));
            w.Write(0x110, PacketStreams.Time, PacketStreams.UserData(0, 4));
        });

        var packets = PacketStreams.ReadAll(bytes);

        Assert.Equal([0x110, 0x120, 0x130, 0x110], packets.Select(p => p.Header.Apid));
        Assert.Equal([0L, 112, 131, 138], packets.Select(p => p.Offset));
        Assert.Equal([0, 0, 0, 1], packets.Select(p => p.Header.SequenceCount));
        Assert.Equal(PacketStreams.UserData(100, 1), packets[0].UserData);
        Assert.Equal(PacketStreams.UserData(7, 2), packets[1].UserData);
        Assert.Equal(PacketStreams.UserData(1, 3), packets[2].UserData);
        Assert.Empty(packets[3].UserData);
        Assert.Equal(PacketStreams.Time, packets[0].Time);
        Assert.Null(packets[2].Time);
        Assert.Equal(138 + 12, bytes.Length);
    }

    [Fact]
    public void TryRead_StreamDeliveringOneByteAtATime_ReadsTheSamePackets()
    {
        var bytes = PacketStreams.Write(w =>
        {
            for (var i = 0; i < 50; i++)
            {
                w.Write(0x100 + (i % 3), PacketStreams.Time, PacketStreams.UserData(i * 37 % 500, i));
            }
        });
        var expected = PacketStreams.ReadAll(bytes);

        using var reader = new SpacePacketReader(new TrickleStream(bytes), bufferSize: SpacePacketHeader.MaxPacketLength);
        var actual = new List<(int Apid, long Offset, byte[] Data)>();
        while (reader.TryRead(out var packet))
        {
            actual.Add((packet.Header.Apid, packet.Offset, packet.UserData.ToArray()));
        }

        Assert.Equal(expected.Select(p => (p.Header.Apid, p.Offset)), actual.Select(p => (p.Apid, p.Offset)));
        Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First.UserData, pair.Second.Data));
        Assert.Equal(bytes.Length, reader.Position);
    }

    [Fact]
    public async Task ReadAllAsync_LargerThanBuffer_ReadsEveryPacketAcrossRefills()
    {
        var bytes = PacketStreams.Write(w =>
        {
            for (var i = 0; i < 40; i++)
            {
                w.Write(0x110, PacketStreams.Time, PacketStreams.UserData(6000, i));
            }
        });

        using var reader = new SpacePacketReader(new MemoryStream(bytes), bufferSize: SpacePacketHeader.MaxPacketLength);
        var counts = new List<int>();
        await foreach (var packet in reader.ReadAllAsync())
        {
            counts.Add(packet.Header.SequenceCount);
            Assert.Equal(PacketStreams.UserData(6000, packet.Header.SequenceCount), packet.UserData.ToArray());
        }

        Assert.Equal(Enumerable.Range(0, 40), counts);
        Assert.Empty(reader.Sequence.Gaps);
    }

    [Fact]
    public void Parse_IdlePackets_SkippedUnlessAskedForAndNotTrackedAsGaps()
    {
        var bytes = PacketStreams.Write(w =>
        {
            w.Write(0x110, PacketStreams.Time, [1, 2, 3]);
            w.WriteIdle(100);
            w.Write(0x110, PacketStreams.Time, [4]);
            w.WriteIdle(1);
        });
        var tracker = new SequenceTracker();

        var skipped = PacketStreams.ReadAll(bytes, tracker: tracker);
        var all = PacketStreams.ReadAll(bytes, includeIdle: true);

        Assert.Equal(2, skipped.Count);
        Assert.Equal(4, all.Count);
        Assert.True(all[1].Header.IsIdle);
        Assert.Equal(SpacePacketHeader.IdleApid, all[1].Header.Apid);
        Assert.False(all[1].Header.HasSecondaryHeader);
        Assert.All(all[1].UserData, b => Assert.Equal(SpacePacketWriter.IdleFill, b));
        Assert.Equal(2, tracker.IdlePackets);
        Assert.Empty(tracker.Gaps);
    }

    [Fact]
    public void Parse_TruncatedInsidePacket_ThrowsWithThePacketOffset()
    {
        var bytes = PacketStreams.Write(w =>
        {
            w.Write(0x110, PacketStreams.Time, new byte[100]);
            w.Write(0x110, PacketStreams.Time, new byte[100]);
        });
        var truncated = bytes[..(112 + 50)];

        var error = Assert.Throws<CcsdsFormatException>(() => PacketStreams.ReadAll(truncated));

        Assert.Equal(112, error.Offset);
        Assert.Contains("runs past the end", error.Message);
        Assert.Contains("byte offset 112", error.Message);
    }

    [Fact]
    public void TryRead_TruncatedInsideHeader_ThrowsWithThePacketOffset()
    {
        var bytes = PacketStreams.Write(w => w.Write(0x110, PacketStreams.Time, new byte[10]));
        var truncated = bytes.Concat(bytes[..4]).ToArray();

        using var reader = new SpacePacketReader(new MemoryStream(truncated));
        Assert.True(reader.TryRead(out _));
        var error = Assert.Throws<CcsdsFormatException>(() => reader.TryRead(out _));

        Assert.Equal(22, error.Offset);
        Assert.Contains("truncated", error.Problem);
    }

    [Fact]
    public void TryRead_LengthFieldRunningPastTheEnd_ThrowsWithThePacketOffset()
    {
        var bytes = PacketStreams.Write(w =>
        {
            w.Write(0x120, PacketStreams.Time, new byte[30]);
            w.Write(0x120, PacketStreams.Time, new byte[30]);
            w.Write(0x120, PacketStreams.Time, new byte[30]);
        });
        bytes[(2 * 42) + 4] = 0x10; // data length 4096 + 35 in a 42-byte packet

        using var reader = new SpacePacketReader(new MemoryStream(bytes));
        var error = Assert.Throws<CcsdsFormatException>(() => reader.ReadAll().ToList());

        Assert.Equal(84, error.Offset);
        Assert.Contains("declares 4138 bytes but only 42 remain", error.Problem);
    }

    [Fact]
    public void Parse_NonZeroVersion_ThrowsWithThePacketOffset()
    {
        var bytes = PacketStreams.Write(w =>
        {
            w.Write(0x120, PacketStreams.Time, new byte[3]);
            w.Write(0x120, PacketStreams.Time, new byte[3]);
        });
        bytes[15] |= 0x20;

        var error = Assert.Throws<CcsdsFormatException>(() => PacketStreams.ReadAll(bytes));

        Assert.Equal(15, error.Offset);
        Assert.Contains("version 1", error.Problem);
    }

    [Fact]
    public void Parse_SecondaryHeaderFlagWithoutRoomForTime_Throws()
    {
        var header = SpacePacketHeader.Telemetry(0x110, 0, 3, hasSecondaryHeader: true);
        var bytes = new byte[9];
        header.Write(bytes);

        var error = Assert.Throws<CcsdsFormatException>(() => PacketStreams.ReadAll(bytes));

        Assert.Equal(0, error.Offset);
        Assert.Contains("time code", error.Problem);
    }

    [Fact]
    public void Parse_EmptyData_ReturnsNoPackets()
    {
        Assert.Empty(PacketStreams.ReadAll([]));
    }

    /// <summary>A stream that hands out one byte per read, as a slow socket might.</summary>
    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 1)]);
    }
}
