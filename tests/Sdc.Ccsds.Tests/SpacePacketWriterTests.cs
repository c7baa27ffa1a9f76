namespace Sdc.Ccsds.Tests;

public class SpacePacketWriterTests
{
    [Fact]
    public void Write_PerApid_KeepsIndependentSequenceCounts()
    {
        var bytes = PacketStreams.Write(w =>
        {
            w.Write(0x110, PacketStreams.Time, [1]);
            w.Write(0x120, PacketStreams.Time, [1]);
            w.Write(0x110, PacketStreams.Time, [1]);
        });

        var packets = PacketStreams.ReadAll(bytes);

        Assert.Equal([(0x110, 0), (0x120, 0), (0x110, 1)], packets.Select(p => (p.Header.Apid, p.Header.SequenceCount)));
        Assert.All(packets, p => Assert.Equal(PacketType.Telemetry, p.Header.Type));
        Assert.All(packets, p => Assert.Equal(Segmentation.Unsegmented, p.Header.SequenceFlags));
    }

    [Fact]
    public void Write_DataLengthField_IsBytesAfterHeaderMinusOne()
    {
        var bytes = PacketStreams.Write(w => w.Write(0x110, PacketStreams.Time, new byte[100]));

        Assert.Equal(112, bytes.Length);
        Assert.Equal(105, (bytes[4] << 8) | bytes[5]);
    }

    [Fact]
    public void WriteSegmented_LargeUnit_SplitsFirstContinuationLastAndReassembles()
    {
        var unit = PacketStreams.UserData(2500, 9);
        var bytes = PacketStreams.Write(w =>
        {
            w.Write(0x120, PacketStreams.Time, [7]);
            Assert.Equal(3, w.WriteSegmented(0x130, PacketStreams.Time, unit, 1000));
            w.Write(0x120, PacketStreams.Time, [8]);
        });
        var assembler = new SegmentAssembler();

        var units = new List<AssembledUnit>();
        foreach (var packet in SpacePacketReader.Parse(bytes))
        {
            if (assembler.TryAdd(packet, out var complete))
            {
                units.Add(complete!);
            }
        }
        assembler.Complete();

        var segments = PacketStreams.ReadAll(bytes).Where(p => p.Header.Apid == 0x130).Select(p => p.Header.SequenceFlags);
        Assert.Equal([Segmentation.First, Segmentation.Continuation, Segmentation.Last], segments);
        Assert.Equal([0x120, 0x130, 0x120], units.Select(u => u.Apid));
        Assert.Equal(unit, units[1].Data.ToArray());
        Assert.Equal(3, units[1].Packets);
        Assert.Equal(PacketStreams.Time, units[1].Time);
        Assert.Empty(assembler.Problems);
    }

    [Fact]
    public void SegmentAssembler_MissingMiddleSegment_ReportsAndDropsTheUnit()
    {
        var bytes = PacketStreams.Write(w => w.WriteSegmented(0x130, PacketStreams.Time, new byte[300], 100));
        var packets = PacketStreams.ReadAll(bytes);
        var withoutMiddle = bytes[..(int)packets[1].Offset].Concat(bytes[(int)packets[2].Offset..]).ToArray();
        var assembler = new SegmentAssembler();

        var units = 0;
        foreach (var packet in SpacePacketReader.Parse(withoutMiddle))
        {
            units += assembler.TryAdd(packet, out _) ? 1 : 0;
        }

        Assert.Equal(0, units);
        var problem = Assert.Single(assembler.Problems);
        Assert.Equal(0x130, problem.Apid);
        Assert.Contains("incomplete", problem.Problem);
    }

    [Fact]
    public void SegmentAssembler_ContinuationWithoutFirst_IsReported()
    {
        var bytes = PacketStreams.Write(w => w.Write(0x130, PacketStreams.Time, [1], Segmentation.Last));
        var assembler = new SegmentAssembler();

        foreach (var packet in SpacePacketReader.Parse(bytes))
        {
            Assert.False(assembler.TryAdd(packet, out _));
        }

        Assert.Contains("without a first segment", Assert.Single(assembler.Problems).Problem);
    }

    [Fact]
    public void Encode_WithoutWriter_MatchesWriterBytes()
    {
        var data = PacketStreams.UserData(40, 5);
        var expected = PacketStreams.Write(w => w.Write(0x110, PacketStreams.Time, data));
        var actual = new byte[expected.Length];

        var length = SpacePacketWriter.Encode(actual, SpacePacketHeader.Telemetry(0x110, 0, CucTime.Length + data.Length), PacketStreams.Time, data);

        Assert.Equal(expected.Length, length);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Write_UserDataTooLarge_Throws()
    {
        using var writer = new SpacePacketWriter(Stream.Null);

        Assert.Throws<ArgumentException>(() => writer.Write(0x110, PacketStreams.Time, new byte[SpacePacketWriter.MaxUserDataLength + 1]));
    }
}
