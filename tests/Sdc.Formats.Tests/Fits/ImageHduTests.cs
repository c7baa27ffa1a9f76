using Sdc.Formats.Fits;
using Sdc.Formats.Tests.Support;

namespace Sdc.Formats.Tests.Fits;

/// <summary>Primary arrays and IMAGE extensions of every BITPIX, checked by our reader, fitsverify and astropy.</summary>
[Collection(ExternalToolsDefinition.Name)]
public sealed class ImageHduTests(AstropyFixture astropy) : IDisposable
{
    private readonly TempFolder _temp = new();

    public static TheoryData<string, string> PixelTypes => new()
    {
        { "byte", "uint8" },
        { "short", "int16" },
        { "ushort", "uint16" },
        { "int", "int32" },
        { "uint", "uint32" },
        { "long", "int64" },
        { "float", "float32" },
        { "double", "float64" },
    };

    [Theory]
    [MemberData(nameof(PixelTypes))]
    public async Task Save_EachPixelType_ReadsBackAndAstropySeesTheSameValues(string type, string astropyType)
    {
        var (pixels, expected) = Sample(type, 60);
        var hdu = Create(pixels, 5, 4, 3);
        var path = _temp.File($"{type}.fits");

        new FitsFile(hdu).Save(path);

        await FitsVerify.AssertCleanAsync(path);
        var back = FitsFile.Load(path).Primary;
        Assert.Equal(pixels, back.Pixels);
        Assert.Equal([5, 4, 3], back.Axes);
        Assert.Equal(hdu.Bitpix, back.Bitpix);
        var seen = (await astropy.DumpAsync(path)).Hdu(0);
        Assert.Equal(astropyType, seen["dtype"]!.GetValue<string>());
        Assert.Equal([3, 4, 5], seen["shape"]!.Ints());
        Assert.Equal(expected, seen.Doubles());
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 7 })]
    [InlineData(new[] { 7, 3 })]
    [InlineData(new[] { 7, 3, 2 })]
    public async Task Save_EachNaxis_AstropySeesTheShape(int[] axes)
    {
        var count = axes.Aggregate(1, (p, a) => p * a);
        var hdu = axes.Length == 0 ? new ImageHdu() : new ImageHdu(Enumerable.Range(0, count).Select(i => (float)i).ToArray(), axes);
        var path = _temp.File($"naxis{axes.Length}.fits");

        new FitsFile(hdu).Save(path);

        await FitsVerify.AssertCleanAsync(path);
        var back = FitsFile.Load(path).Primary;
        Assert.Equal(axes, back.Axes);
        var seen = (await astropy.DumpAsync(path)).Hdu(0);
        if (axes.Length == 0)
        {
            Assert.Null(back.Pixels);
            Assert.Null(seen["shape"]);
        }
        else
        {
            Assert.Equal(axes.Reverse(), seen["shape"]!.Ints());
            Assert.Equal(Enumerable.Range(0, count).Select(i => (double)i), seen.Doubles());
        }
    }

    [Fact]
    public async Task Save_ScaleAndZero_AstropyAppliesThemAndReadKeepsStoredValues()
    {
        short[] stored = [-32768, -1, 0, 1, 1000, 32767];
        var hdu = new ImageHdu(stored, 3, 2) { Scale = 0.5, Zero = 100 };
        var path = _temp.File("scaled.fits");

        new FitsFile(hdu).Save(path);

        await FitsVerify.AssertCleanAsync(path);
        var back = FitsFile.Load(path).Primary;
        Assert.Equal(stored, back.GetPixels<short>());
        Assert.Equal(0.5, back.Scale);
        Assert.Equal(100, back.Zero);
        var physical = stored.Select(s => 100 + (0.5 * s)).ToArray();
        Assert.Equal(physical, back.GetPhysicalValues());
        var seen = (await astropy.DumpAsync(path)).Hdu(0);
        Assert.Equal(physical, seen.Doubles());
        Assert.Equal(0.5, seen.Card("BSCALE")!.GetValue<double>());
    }

    [Fact]
    public async Task Save_UnsignedShorts_StoredWithBzero32768AndExtremesSurvive()
    {
        ushort[] pixels = [0, 1, 32767, 32768, 65534, 65535];
        var path = _temp.File("u16.fits");

        new FitsFile(new ImageHdu(pixels, 6)).Save(path);

        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal([0x80, 0x00, 0x80, 0x01, 0xFF, 0xFF, 0x00, 0x00, 0x7F, 0xFE, 0x7F, 0xFF], bytes[2880..2892]);
        var back = FitsFile.Load(path).Primary;
        Assert.Equal(pixels, back.GetPixels<ushort>());
        Assert.Equal(1, back.Scale);
        Assert.Equal(0, back.Zero);
        Assert.Empty(back.Header);
        var seen = (await astropy.DumpAsync(path)).Hdu(0);
        Assert.Equal(32768, seen.Card("BZERO")!.GetValue<long>());
        Assert.Equal(pixels.Select(p => (double)p), seen.Doubles());
    }

    [Fact]
    public async Task Save_LargeFloatImage_AstropySumAndSamplesMatch()
    {
        const int width = 1000, height = 700;
        var random = new Random(11);
        var pixels = new float[width * height];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (float)((random.NextDouble() * 2000) - 1000);
        }

        pixels[12345] = float.NaN;
        var path = _temp.File("large.fits");

        await new FitsFile(new ImageHdu(pixels, width, height)).SaveAsync(path);

        await FitsVerify.AssertCleanAsync(path);
        var back = await FitsFile.LoadAsync(path);
        Assert.Equal(pixels, back.Primary.GetPixels<float>());
        var seen = (await astropy.DumpAsync(path)).Hdu(0);
        Assert.Equal(1, seen["checksum"]!.GetValue<int>());
        Assert.Equal(1, seen["datasum"]!.GetValue<int>());
        var sum = pixels.Where(float.IsFinite).Sum(p => (double)p);
        Assert.Equal(sum, AstropyJson.ToDouble(seen["sum"]), 6);
        foreach (var (index, value) in seen["samples"]!.AsObject())
        {
            Assert.Equal((double)pixels[int.Parse(index, System.Globalization.CultureInfo.InvariantCulture)], AstropyJson.ToDouble(value));
        }
    }

    [Fact]
    public async Task Save_ImageExtensions_AstropySeesNamedImageHdus()
    {
        var file = new FitsFile(
            new ImageHdu(),
            new ImageHdu(new[] { 1.5f, -2.5f, float.PositiveInfinity, 0 }, 2, 2) { Name = "RADIANCE" },
            new ImageHdu(new ushort[] { 1, 2, 65535 }, 3) { Name = "DQ" });
        var path = _temp.File("extensions.fits");

        file.Save(path);

        await FitsVerify.AssertCleanAsync(path);
        var back = FitsFile.Load(path);
        Assert.Equal(3, back.Hdus.Count);
        Assert.Equal(new[] { 1.5f, -2.5f, float.PositiveInfinity, 0 }, back.Get<ImageHdu>("radiance").GetPixels<float>());
        Assert.Equal(new ushort[] { 1, 2, 65535 }, back.Get<ImageHdu>("DQ").GetPixels<ushort>());
        var seen = await astropy.DumpAsync(path);
        Assert.Equal("ok", seen["verify"]!.GetValue<string>());
        Assert.Equal(["PrimaryHDU", "ImageHDU", "ImageHDU"], Enumerable.Range(0, 3).Select(i => seen.Hdu(i)["class"]!.GetValue<string>()));
        Assert.Equal("RADIANCE", seen.Hdu(1)["name"]!.GetValue<string>());
        Assert.Equal([1.5, -2.5, double.PositiveInfinity, 0], seen.Hdu(1).Doubles());
        Assert.Equal([1.0, 2, 65535], seen.Hdu(2).Doubles());
        Assert.True(seen.Hdu(0).Card("EXTEND")!.GetValue<bool>());
    }

    [Fact]
    public void Constructor_AxesDisagreeWithPixelCount_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new ImageHdu(new float[10], 3, 3));
        Assert.Contains("9 pixels", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetPixels_OtherType_ThrowsNamingTheStoredType()
    {
        var e = Assert.Throws<InvalidCastException>(() => new ImageHdu(new short[4], 4).GetPixels<float>());
        Assert.Contains("Int16", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_UnsignedPixelsWithScale_Throws()
    {
        var file = new FitsFile(new ImageHdu(new ushort[4], 4) { Scale = 2 });

        var e = Assert.Throws<InvalidOperationException>(() => file.WriteTo(new MemoryStream()));

        Assert.Contains("HDU 0", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private static ImageHdu Create(Array pixels, params int[] axes) => pixels switch
    {
        byte[] p => new ImageHdu(p, axes),
        short[] p => new ImageHdu(p, axes),
        ushort[] p => new ImageHdu(p, axes),
        int[] p => new ImageHdu(p, axes),
        uint[] p => new ImageHdu(p, axes),
        long[] p => new ImageHdu(p, axes),
        float[] p => new ImageHdu(p, axes),
        double[] p => new ImageHdu(p, axes),
        _ => throw new ArgumentException("type", nameof(pixels)),
    };

    /// <summary>n values of the type including its extremes, and the same as doubles.</summary>
    private static (Array Pixels, double[] Expected) Sample(string type, int n)
    {
        var random = new Random(type.Length);
        switch (type)
        {
            case "byte":
                var b = Enumerable.Range(0, n).Select(i => (byte)(i * 37)).ToArray();
                b[0] = 0;
                b[1] = 255;
                return (b, b.Select(v => (double)v).ToArray());
            case "short":
                var s = Enumerable.Range(0, n).Select(_ => (short)random.Next(short.MinValue, short.MaxValue + 1)).ToArray();
                (s[0], s[1]) = (short.MinValue, short.MaxValue);
                return (s, s.Select(v => (double)v).ToArray());
            case "ushort":
                var us = Enumerable.Range(0, n).Select(_ => (ushort)random.Next(0, 65536)).ToArray();
                (us[0], us[1]) = (ushort.MinValue, ushort.MaxValue);
                return (us, us.Select(v => (double)v).ToArray());
            case "int":
                var i32 = Enumerable.Range(0, n).Select(_ => random.Next(int.MinValue, int.MaxValue)).ToArray();
                (i32[0], i32[1]) = (int.MinValue, int.MaxValue);
                return (i32, i32.Select(v => (double)v).ToArray());
            case "uint":
                var u32 = Enumerable.Range(0, n).Select(_ => (uint)random.NextInt64(0, uint.MaxValue + 1L)).ToArray();
                (u32[0], u32[1]) = (uint.MinValue, uint.MaxValue);
                return (u32, u32.Select(v => (double)v).ToArray());
            case "long":
                // Exactly representable as doubles, so that astropy's JSON and ours compare exactly.
                var i64 = Enumerable.Range(0, n).Select(_ => random.NextInt64(-(1L << 52), 1L << 52)).ToArray();
                (i64[0], i64[1]) = (long.MinValue, 1L << 62);
                return (i64, i64.Select(v => (double)v).ToArray());
            case "float":
                var f = Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() - 0.5) * 1e6)).ToArray();
                (f[0], f[1], f[2], f[3], f[4]) = (float.MaxValue, float.Epsilon, float.NaN, float.NegativeInfinity, -0f);
                return (f, f.Select(v => (double)v).ToArray());
            default:
                var d = Enumerable.Range(0, n).Select(_ => (random.NextDouble() - 0.5) * 1e300).ToArray();
                (d[0], d[1], d[2], d[3]) = (double.MaxValue, double.Epsilon, double.NaN, double.PositiveInfinity);
                return (d, d);
        }
    }
}
