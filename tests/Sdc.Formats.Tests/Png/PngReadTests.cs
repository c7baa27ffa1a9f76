using System.Text.Json;
using Sdc.Formats.Png;
using Sdc.Formats.Tests.Support;

namespace Sdc.Formats.Tests.Png;

/// <summary>PngImage.Read: round trips through the writer, PNGs written by an independent Python encoder, and damaged files.</summary>
public sealed class PngReadTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(PngImageTests.Cases), MemberType = typeof(PngImageTests))]
    public void Read_WhatTheWriterWrote_SamePixelsAndText(PngPixelFormat format, PngFilter filter)
    {
        const int width = 29, height = 17;
        var image = Sample(format, width, height);
        image.Filter = filter;
        image.Text.Add(new("Software", "sdc exi-processor 1.0.0"));
        image.Text.Add(new("Source", "emm_exi_l2_20210224T000000_0001_f220_v01-00.fits"));
        using var stream = new MemoryStream();
        image.WriteTo(stream);
        stream.Position = 0;

        var read = PngImage.Read(stream);

        Assert.Equal((width, height, format), (read.Width, read.Height, read.Format));
        Assert.Equal(image.Pixels, read.Pixels);
        Assert.Equal(image.Text, read.Text);
    }

    [Theory]
    [InlineData("gray8", PngPixelFormat.Gray8)]
    [InlineData("gray16", PngPixelFormat.Gray16)]
    [InlineData("rgb8", PngPixelFormat.Rgb8)]
    public async Task Load_PythonEncodedFile_SamePixelsAncillaryChunkSkipped(string kind, PngPixelFormat format)
    {
        var path = _temp.File($"{kind}.png");
        var (exit, output, error) = await ExternalTools.RunAsync(ExternalTools.Python, ExternalTools.Script("png_encode.py"), path, kind, "41", "13");
        Assert.True(exit == 0, error);
        var expected = JsonSerializer.Deserialize<int[]>(output)!;

        var read = PngImage.Load(path);

        Assert.Equal((41, 13, format), (read.Width, read.Height, read.Format));
        var actual = read.Pixels is ushort[] words ? words.Select(w => (int)w).ToArray() : ((byte[])read.Pixels).Select(b => (int)b).ToArray();
        Assert.Equal(expected, actual);
        Assert.Equal([new KeyValuePair<string, string>("Software", "png_encode.py")], read.Text);
    }

    [Fact]
    public void Read_LargeImage_DataSplitOverIdatChunks()
    {
        // Uncompressed noise above 1 MiB: the writer splits IDAT at 1 MiB.
        var random = new Random(7);
        var pixels = new byte[1100 * 1000];
        random.NextBytes(pixels);
        var image = PngImage.Gray8(pixels, 1100, 1000);
        image.Compression = System.IO.Compression.CompressionLevel.NoCompression;
        using var stream = new MemoryStream();
        image.WriteTo(stream);
        stream.Position = 0;

        var read = PngImage.Read(stream);

        Assert.Equal(pixels, read.Pixels);
    }

    [Fact]
    public void Read_FlippedByteInImageData_CrcErrorNamingTheChunk()
    {
        var bytes = Encode(Sample(PngPixelFormat.Gray8, 8, 8));
        var idat = IndexOf(bytes, "IDAT"u8);
        bytes[idat + 6] ^= 0x10;

        var error = Assert.Throws<PngFormatException>(() => PngImage.Read(new MemoryStream(bytes)));

        Assert.Equal($"Byte {idat - 4}: chunk IDAT fails its CRC.", error.Message);
    }

    [Fact]
    public void Read_Truncated_SaysTheFileEnds()
    {
        var bytes = Encode(Sample(PngPixelFormat.Rgb8, 8, 8));

        var error = Assert.Throws<PngFormatException>(() => PngImage.Read(new MemoryStream(bytes[..^20])));

        Assert.Contains("the file ends", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotAPng_SaysTheSignatureIsMissing()
    {
        var error = Assert.Throws<PngFormatException>(() => PngImage.Read(new MemoryStream("SIMPLE  =                    T"u8.ToArray())));

        Assert.Equal("Not a PNG: the 8-byte signature is missing.", error.Message);
    }

    private static PngImage Sample(PngPixelFormat format, int width, int height)
    {
        var count = width * height * (format == PngPixelFormat.Rgb8 ? 3 : 1);
        return format switch
        {
            PngPixelFormat.Gray16 => PngImage.Gray16([.. Enumerable.Range(0, count).Select(i => (ushort)(i * 2654435761 >> 16))], width, height),
            PngPixelFormat.Rgb8 => PngImage.Rgb8([.. Enumerable.Range(0, count).Select(i => (byte)((i * 37) ^ (i >> 3)))], width, height),
            _ => PngImage.Gray8([.. Enumerable.Range(0, count).Select(i => (byte)(i * 13 % 251))], width, height),
        };
    }

    private static byte[] Encode(PngImage image)
    {
        using var stream = new MemoryStream();
        image.WriteTo(stream);
        return stream.ToArray();
    }

    private static int IndexOf(byte[] bytes, ReadOnlySpan<byte> what) => bytes.AsSpan().IndexOf(what);
}
