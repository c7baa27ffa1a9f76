using Sdc.Ccsds;
using Sdc.Instruments;
using Sdc.Processors.Exi.Level0;
using Sdc.Processors.Exi.Tests.Support;

namespace Sdc.Processors.Exi.Tests;

[Collection(ProcessorRunsDefinition.Name)]
public sealed class ExiLevel0DecoderTests(ExiDeliveries deliveries)
{
    private static readonly CucTime Time = CucTime.FromDateTime(new DateTime(2021, 2, 24, 1, 0, 0, DateTimeKind.Utc));

    [Fact]
    public async Task DecodeAsync_CleanOrbit_RebuildsEveryFrameInOrder()
    {
        var decoded = await DecodeFileAsync(ExiDeliveries.Level0(deliveries.Clean));

        Assert.Equal(18, decoded.Images.Count);
        Assert.Empty(decoded.Gaps);
        Assert.Equal(0, decoded.IgnoredPackets);
        Assert.Equal(72, decoded.Packets);
        Assert.Equal([.. Enumerable.Repeat(ExiFrameType.Dark, 6), .. Enumerable.Repeat(ExiFrameType.Flat, 6), .. Enumerable.Repeat(ExiFrameType.Science, 6)],
            decoded.Images.Select(i => i.FrameType));
        Assert.Equal(ExiFilters.All.Concat(ExiFilters.All).Concat(ExiFilters.All), decoded.Images.Select(i => i.Filter));
        Assert.All(decoded.Images, i =>
        {
            Assert.True(i.IsComplete);
            Assert.Equal(4, i.Tiles);
            Assert.Equal(ExiTruth.ExposureMs(i.Filter, i.FrameType), i.ExposureMs);
            Assert.All(i.Quality, q => Assert.Equal(0, q));
        });
        // Frames are spread evenly over the 6-hour window: one every 20 minutes.
        Assert.Equal(new DateTime(2021, 2, 24, 0, 20, 0, DateTimeKind.Utc), decoded.Images[1].Start.ToDateTime());
        // A dark frame is bias + 10 s of dark current: about 100 + 50 DN through f220.
        Assert.InRange(decoded.Images[0].Pixels.Select(p => (double)p).Order().ElementAt(decoded.Images[0].Pixels.Length / 2), 140, 160);
    }

    [Fact]
    public async Task DecodeAsync_SequenceGap_ReportsItAndLeavesTheTilesMissing()
    {
        var fault = Assert.Single(deliveries.WithGap.Faults);

        var decoded = await DecodeFileAsync(ExiDeliveries.Level0(deliveries.WithGap));

        var gap = Assert.Single(decoded.Gaps);
        Assert.Equal((ExiImageTile.Apid, fault.Offset, 3), (gap.Apid, (long?)gap.Offset, gap.Missing));
        Assert.Equal(3 * 64 * 64, decoded.Images.Sum(i => i.MissingPixels));
        Assert.All(decoded.Images.Where(i => !i.IsComplete), i =>
        {
            Assert.Equal(i.MissingPixels, i.Quality.Count(q => q == (byte)ExiPixelQuality.Missing));
            Assert.All(i.Pixels.Where((_, p) => i.Quality[p] != 0), dn => Assert.Equal(0, dn));
        });
    }

    [Theory]
    [InlineData(Sdc.Simulator.FaultKind.Truncate)]
    [InlineData(Sdc.Simulator.FaultKind.BadLength)]
    public async Task DecodeAsync_DamagedStream_ThrowsWithTheFaultsOffset(Sdc.Simulator.FaultKind kind)
    {
        var delivery = kind == Sdc.Simulator.FaultKind.Truncate ? deliveries.Truncated : deliveries.BadLength;

        var error = await Assert.ThrowsAsync<CcsdsFormatException>(() => DecodeFileAsync(ExiDeliveries.Level0(delivery)));

        Assert.Equal(Assert.Single(delivery.Faults).Offset, error.Offset);
    }

    [Fact]
    public async Task DecodeAsync_RepeatedTileAndForeignApid_AreIgnoredAndCounted()
    {
        using var stream = new MemoryStream();
        using (var writer = new SpacePacketWriter(stream, leaveOpen: true))
        {
            WriteTile(writer, 7, 0, 0, 1);
            writer.Write(HousekeepingPacket.Apid, Time, new byte[HousekeepingPacket.PayloadLength]);
            WriteTile(writer, 7, 0, 0, 2);
            WriteTile(writer, 7, 16, 0, 3);
        }
        stream.Position = 0;

        var decoded = await ExiLevel0Decoder.DecodeAsync(stream);

        var image = Assert.Single(decoded.Images);
        Assert.Equal(2, decoded.IgnoredPackets);
        Assert.Equal(["APID 0x010", "repeated tile"], decoded.IgnoredReasons);
        Assert.Equal(2, image.Tiles);
        Assert.Equal(1, image.Pixels[0]);
        Assert.Equal(3, image.Pixels[16]);
        Assert.Equal(16 * 16, image.MissingPixels);
    }

    [Fact]
    public async Task DecodeAsync_TileContradictsItsImage_ThrowsWithItsOffset()
    {
        using var stream = new MemoryStream();
        long second;
        using (var writer = new SpacePacketWriter(stream, leaveOpen: true))
        {
            WriteTile(writer, 7, 0, 0, 1);
            second = writer.Position;
            WriteTile(writer, 7, 16, 0, 1, ExiFilter.F437);
        }
        stream.Position = 0;

        var error = await Assert.ThrowsAsync<ExiTileFormatException>(() => ExiLevel0Decoder.DecodeAsync(stream));

        Assert.Equal(second, error.Offset);
    }

    [Fact]
    public async Task DecodeAsync_EmptyTile_ThrowsInsteadOfAllocating()
    {
        var payload = new byte[ExiImageTile.HeaderLength];
        payload[10] = 0xFF; // image 65535 wide,
        payload[11] = 0xFF;
        payload[12] = 0xFF; // 65535 high, tile 0×0 at (0, 0)
        payload[13] = 0xFF;
        using var stream = new MemoryStream();
        using (var writer = new SpacePacketWriter(stream, leaveOpen: true))
        {
            writer.Write(ExiImageTile.Apid, Time, payload);
        }
        stream.Position = 0;

        var error = await Assert.ThrowsAsync<ExiTileFormatException>(() => ExiLevel0Decoder.DecodeAsync(stream));

        Assert.Equal(0, error.Offset);
    }

    [Fact]
    public async Task DecodeAsync_SegmentedTile_IsJoinedAndDecoded()
    {
        var header = new ExiTileHeader(9, ExiFilter.F635, ExiFrameType.Science, 40, 16, 16, 0, 0, 16, 16);
        var pixels = Enumerable.Range(0, 256).Select(i => (ushort)(i * 16)).ToArray();
        var payload = new byte[ExiImageTile.PayloadLength(256)];
        ExiImageTile.Encode(header, pixels, payload);
        using var stream = new MemoryStream();
        using (var writer = new SpacePacketWriter(stream, leaveOpen: true))
        {
            writer.WriteSegmented(ExiImageTile.Apid, Time, payload, maxUserDataPerPacket: 100);
        }
        stream.Position = 0;

        var decoded = await ExiLevel0Decoder.DecodeAsync(stream);

        var image = Assert.Single(decoded.Images);
        Assert.True(image.IsComplete);
        Assert.Equal(pixels, image.Pixels);
        Assert.Equal(Time, image.Start);
    }

    private static async Task<ExiDecodedFile> DecodeFileAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        return await ExiLevel0Decoder.DecodeAsync(stream);
    }

    // A 48×16 image of three 16×16 tiles; every pixel of this tile is `value`.
    private static void WriteTile(SpacePacketWriter writer, uint imageId, int x, int y, ushort value, ExiFilter filter = ExiFilter.F220)
    {
        var header = new ExiTileHeader(imageId, filter, ExiFrameType.Science, 800, 48, 16, x, y, 16, 16);
        var payload = new byte[ExiImageTile.PayloadLength(256)];
        ExiImageTile.Encode(header, Enumerable.Repeat(value, 256).ToArray(), payload);
        writer.Write(ExiImageTile.Apid, Time, payload);
    }
}
