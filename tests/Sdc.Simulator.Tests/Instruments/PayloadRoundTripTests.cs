using Sdc.Instruments;

namespace Sdc.Simulator.Tests.Instruments;

public class PayloadRoundTripTests
{
    [Theory]
    [InlineData(64, 64)]
    [InlineData(5, 3)]
    [InlineData(1, 1)]
    public void ExiImageTile_EncodeThenDecode_ReturnsHeaderAndPixels(int width, int height)
    {
        var header = new ExiTileHeader(0x00070003, ExiFilter.F437, ExiFrameType.Flat, 60, 256, 200, 192, 128, width, height);
        var pixels = Enumerable.Range(0, width * height).Select(i => (ushort)((i * 997) % 4096)).ToArray();
        var payload = new byte[ExiImageTile.PayloadLength(pixels.Length)];

        var length = ExiImageTile.Encode(header, pixels, payload);
        var decoded = new ushort[pixels.Length];
        var back = ExiImageTile.Decode(payload, decoded);

        Assert.Equal(ExiImageTile.HeaderLength + ((pixels.Length * 3) + 1) / 2, length);
        Assert.Equal(header, back);
        Assert.Equal(pixels, decoded);
    }

    [Fact]
    public void ExiImageTile_PixelPacking_IsTwoPixelsInThreeBigEndianBytes()
    {
        var payload = new byte[ExiImageTile.PayloadLength(2)];

        ExiImageTile.Encode(new ExiTileHeader(1, ExiFilter.F220, ExiFrameType.Science, 1, 2, 1, 0, 0, 2, 1), [0xABC, 0x123], payload);

        Assert.Equal(new byte[] { 0xAB, 0xC1, 0x23 }, payload[ExiImageTile.HeaderLength..]);
    }

    [Fact]
    public void ExiImageTile_DecodeInto_PlacesTilesInTheImage()
    {
        var image = new ushort[10 * 7];
        var expected = new ushort[10 * 7];
        foreach (var (x, y, w, h) in new[] { (0, 0, 6, 4), (6, 0, 4, 4), (0, 4, 6, 3), (6, 4, 4, 3) })
        {
            var tile = new ushort[w * h];
            for (var r = 0; r < h; r++)
            {
                for (var c = 0; c < w; c++)
                {
                    tile[(r * w) + c] = expected[((y + r) * 10) + x + c] = (ushort)(((y + r) * 100) + x + c);
                }
            }
            var payload = new byte[ExiImageTile.PayloadLength(tile.Length)];
            ExiImageTile.Encode(new ExiTileHeader(9, ExiFilter.F635, ExiFrameType.Science, 40, 10, 7, x, y, w, h), tile, payload);
            ExiImageTile.DecodeInto(payload, image);
        }

        Assert.Equal(expected, image);
    }

    [Fact]
    public void ExiImageTile_TileOutsideImage_IsAPayloadFormatError()
    {
        var payload = new byte[ExiImageTile.PayloadLength(4)];
        ExiImageTile.Encode(new ExiTileHeader(1, ExiFilter.F220, ExiFrameType.Science, 1, 4, 4, 2, 2, 2, 2), new ushort[4], payload);
        payload[15] = 3; // tile x = 3: a 2-wide tile no longer fits

        Assert.Throws<PayloadFormatException>(() => ExiImageTile.DecodeHeader(payload));
    }

    [Theory]
    [InlineData(EmirsSampleFormat.FourBytes, 512)]
    [InlineData(EmirsSampleFormat.TwoBytes, 100)]
    public void EmirsInterferogramSegment_EncodeThenDecode_ReturnsHeaderAndSamples(EmirsSampleFormat format, int count)
    {
        var header = new EmirsSegmentHeader(0x00010002, 2, 4, 2048, 1001, 1024, count, 300.15, format, EmirsScene.Mars);
        var samples = Enumerable.Range(0, count).Select(i => format == EmirsSampleFormat.FourBytes ? (i - 256) * 1_000_003 : (i - 50) * 600).ToArray();
        var payload = new byte[EmirsInterferogramSegment.PayloadLength(count, format)];

        EmirsInterferogramSegment.Encode(header, samples, payload);
        var scan = new int[2048];
        var back = EmirsInterferogramSegment.DecodeInto(payload, scan);

        Assert.Equal(header, back);
        Assert.Equal(samples, scan[1024..(1024 + count)]);
        Assert.Equal(header.DetectorTemperatureK, back.DetectorTemperatureK);
    }

    [Fact]
    public void EmirsInterferogramSegment_Int16SampleOutOfRange_Throws()
    {
        var header = new EmirsSegmentHeader(1, 0, 1, 1, 0, 0, 1, 300, EmirsSampleFormat.TwoBytes, EmirsScene.Mars);

        Assert.Throws<ArgumentOutOfRangeException>(() => EmirsInterferogramSegment.Encode(header, [40_000], new byte[100]));
    }

    [Fact]
    public void EmusPhotonEventPacket_EncodeThenDecode_ReturnsHeaderAndEvents()
    {
        EmusPhotonEvent[] events = [new(0, 0, 0), new(1023, 1023, EmusPhotonEventPacket.MaxTimeOffsetMicroseconds), new(313, 512, 7_999_999), new(5, 900, 12)];
        var header = new EmusFrameHeader(0x00040001, 8_000_000, 1, 3, events.Length);
        var payload = new byte[EmusPhotonEventPacket.PayloadLength(events.Length)];

        EmusPhotonEventPacket.Encode(header, events, payload);
        var decoded = new EmusPhotonEvent[events.Length];
        var back = EmusPhotonEventPacket.Decode(payload, decoded);

        Assert.Equal(header, back);
        Assert.Equal(events, decoded);
    }

    [Fact]
    public void EmusPhotonEventPacket_EventBits_AreXThenYThenTime()
    {
        var payload = new byte[EmusPhotonEventPacket.PayloadLength(1)];

        EmusPhotonEventPacket.Encode(new EmusFrameHeader(1, 1, 0, 1, 1), [new EmusPhotonEvent(0x3FF, 0, 1)], payload);

        Assert.Equal(new byte[] { 0xFF, 0xC0, 0, 0, 0, 1 }, payload[EmusPhotonEventPacket.HeaderLength..]);
    }

    [Fact]
    public void HousekeepingPacket_EncodeThenDecode_ReturnsQuantisedRecord()
    {
        var record = new HousekeepingRecord(28.012, 32.4, 11.5, -12.34, 18.05, 12, 27.15, -15.5, InstrumentMode.Science, InstrumentMode.Calibration, InstrumentMode.Standby);
        var payload = new byte[HousekeepingPacket.PayloadLength];

        HousekeepingPacket.Encode(record, payload);

        Assert.Equal(record, HousekeepingPacket.Decode(payload));
    }

    [Fact]
    public void InstrumentApids_EveryInstrument_MapsBothWays()
    {
        foreach (var instrument in new[] { "exi", "emr", "emu", "sc" })
        {
            Assert.Equal(instrument, InstrumentApids.InstrumentFor(InstrumentApids.ApidFor(instrument)));
        }
        Assert.Equal(4, InstrumentApids.All.Distinct().Count());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void TwelveBitPacking_AnyCount_RoundTrips(int count)
    {
        var values = Enumerable.Range(0, count).Select(i => (ushort)(4095 - (i * 513 % 4096))).ToArray();
        var packed = new byte[TwelveBitPacking.PackedLength(count)];

        TwelveBitPacking.Pack(values, packed);
        var back = new ushort[count];
        TwelveBitPacking.Unpack(packed, back);

        Assert.Equal(values, back);
    }
}
