namespace Sdc.Ccsds.Tests;

public class SpacePacketHeaderTests
{
    [Fact]
    public void Write_KnownFields_ProducesStandardBitLayout()
    {
        var header = new SpacePacketHeader(0, PacketType.Telemetry, true, 0x110, Segmentation.Unsegmented, 0x1234, 6165);
        var bytes = new byte[6];

        header.Write(bytes);

        // 000 0 1 00100010000 | 11 01001000110100 | 6165
        Assert.Equal(new byte[] { 0x09, 0x10, 0xD2, 0x34, 0x18, 0x15 }, bytes);
    }

    [Theory]
    [InlineData(0, PacketType.Telemetry, false, 0, Segmentation.Continuation, 0, 0)]
    [InlineData(0, PacketType.Telecommand, true, 0x7FF, Segmentation.Unsegmented, 16383, 65535)]
    [InlineData(0, PacketType.Telemetry, true, 0x130, Segmentation.First, 1, 100)]
    [InlineData(0, PacketType.Telemetry, true, 0x010, Segmentation.Last, 9999, 25)]
    public void Read_WhatWriteWrote_ReturnsSameFields(int version, PacketType type, bool secondary, int apid, Segmentation flags, int count, int dataLength)
    {
        var header = new SpacePacketHeader(version, type, secondary, apid, flags, count, dataLength);
        var bytes = new byte[6];
        header.Write(bytes);

        Assert.Equal(header, SpacePacketHeader.Read(bytes));
        Assert.Equal(dataLength + 7, header.PacketLength);
    }

    [Theory]
    [InlineData(0x800, 0, 0)]
    [InlineData(0x10, 16384, 0)]
    [InlineData(0x10, 0, 65536)]
    public void Write_FieldOutOfRange_Throws(int apid, int count, int dataLength)
    {
        var header = new SpacePacketHeader(0, PacketType.Telemetry, false, apid, Segmentation.Unsegmented, count, dataLength);

        Assert.Throws<ArgumentOutOfRangeException>(() => header.Write(new byte[6]));
    }
}
