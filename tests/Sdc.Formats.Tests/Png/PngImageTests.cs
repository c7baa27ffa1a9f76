using System.Buffers.Binary;
using Sdc.Formats.Png;
using Sdc.Formats.Tests.Support;

namespace Sdc.Formats.Tests.Png;

/// <summary>PNGs decoded by an independent Python decoder (zlib + struct, CRCs checked), pixel for pixel.</summary>
public sealed class PngImageTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public static TheoryData<PngPixelFormat, PngFilter> Cases()
    {
        var cases = new TheoryData<PngPixelFormat, PngFilter>();
        foreach (var format in Enum.GetValues<PngPixelFormat>())
        {
            foreach (var filter in Enum.GetValues<PngFilter>())
            {
                cases.Add(format, filter);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Save_EachFormatAndFilter_DecoderSeesTheSamePixels(PngPixelFormat format, PngFilter filter)
    {
        const int width = 37, height = 23;
        var (image, expected) = Sample(format, width, height);
        image.Filter = filter;
        var path = _temp.File($"{format}-{filter}.png");

        image.Save(path);

        var decoded = await PngDecoder.DecodeAsync(path);
        Assert.Equal((width, height), (decoded.Width, decoded.Height));
        Assert.Equal(format == PngPixelFormat.Gray16 ? 16 : 8, decoded.BitDepth);
        Assert.Equal(format == PngPixelFormat.Rgb8 ? 2 : 0, decoded.ColorType);
        Assert.Equal(expected, decoded.Pixels);
        if (filter == PngFilter.Adaptive)
        {
            Assert.True(decoded.Filters.Distinct().Count() > 1, $"adaptive filtering chose only {decoded.Filters[0]}");
        }
        else
        {
            Assert.All(decoded.Filters, f => Assert.Equal((int)filter, f));
        }
    }

    [Fact]
    public async Task Save_TextChunks_ComeBeforeTheDataInOrder()
    {
        var image = PngImage.Gray8(new byte[4], 2, 2);
        image.Text.Add(new("Software", "sdc processors"));
        image.Text.Add(new("Source", "emm_exi_l2a_20220101T000000_v01.fits"));
        image.Text.Add(new("Comment", "Stretch 0.5-99.5 %, µ-free Latin-1: café"));
        var path = _temp.File("text.png");

        await image.SaveAsync(path);

        var decoded = await PngDecoder.DecodeAsync(path);
        Assert.Equal(["IHDR", "tEXt", "tEXt", "tEXt", "IDAT", "IEND"], decoded.Chunks);
        Assert.Equal("emm_exi_l2a_20220101T000000_v01.fits", decoded.Text["Source"]);
        Assert.Equal("Stretch 0.5-99.5 %, µ-free Latin-1: café", decoded.Text["Comment"]);
    }

    [Fact]
    public async Task Save_IncompressibleImage_SplitsIdatAndStillDecodes()
    {
        var random = new Random(1);
        var pixels = new byte[1200 * 1000];
        random.NextBytes(pixels);
        var image = PngImage.Gray8(pixels, 1200, 1000);
        image.Filter = PngFilter.None;
        image.Compression = System.IO.Compression.CompressionLevel.Fastest;
        var path = _temp.File("noise.png");

        image.Save(path);

        var decoded = await PngDecoder.DecodeAsync(path);
        Assert.True(decoded.Chunks.Count(c => c == "IDAT") > 1);
        Assert.Equal(pixels.Select(p => (int)p), decoded.Pixels);
    }

    [Fact]
    public void WriteTo_Chunks_CarryCorrectCrcs()
    {
        using var stream = new MemoryStream();
        PngImage.Rgb8(new byte[3 * 4], 2, 2).WriteTo(stream);
        var bytes = stream.ToArray();

        var chunks = 0;
        for (var at = 8; at < bytes.Length; chunks++)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            var stated = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at + 8 + length));
            Assert.Equal(Crc32.Compute(bytes.AsSpan(at + 4, 4 + length)), stated);
            at += 12 + length;
        }

        Assert.Equal(3, chunks);
    }

    [Fact]
    public void Crc32_CheckValue_MatchesTheStandard() =>
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));

    [Fact]
    public void Gray8_WrongPixelCount_Throws() =>
        Assert.Throws<ArgumentException>(() => PngImage.Gray8(new byte[5], 2, 2));

    [Theory]
    [InlineData("")]
    [InlineData(" leading")]
    [InlineData("double  space")]
    public void WriteTo_BadTextKeyword_Throws(string keyword)
    {
        var image = PngImage.Gray8(new byte[1], 1, 1);
        image.Text.Add(new(keyword, "x"));

        Assert.Throws<ArgumentException>(() => image.WriteTo(new MemoryStream()));
    }

    public void Dispose() => _temp.Dispose();

    private static (PngImage Image, int[] Expected) Sample(PngPixelFormat format, int width, int height)
    {
        // Smooth gradients plus noise, so that different filters win on different rows.
        var random = new Random(2);
        switch (format)
        {
            case PngPixelFormat.Gray16:
                var words = new ushort[width * height];
                for (var i = 0; i < words.Length; i++)
                {
                    words[i] = (ushort)(i % width * 1500 + (i / width * 700) + (i / width % 3 == 0 ? random.Next(0, 30000) : 0));
                }

                return (PngImage.Gray16(words, width, height), words.Select(w => (int)w).ToArray());
            default:
                var channels = format == PngPixelFormat.Rgb8 ? 3 : 1;
                var bytes = new byte[width * height * channels];
                for (var i = 0; i < bytes.Length; i++)
                {
                    var row = i / (width * channels);
                    bytes[i] = (byte)(row % 4 == 0 ? random.Next(256) : (i * 3) + row);
                }

                return (format == PngPixelFormat.Rgb8 ? PngImage.Rgb8(bytes, width, height) : PngImage.Gray8(bytes, width, height), bytes.Select(b => (int)b).ToArray());
        }
    }
}
