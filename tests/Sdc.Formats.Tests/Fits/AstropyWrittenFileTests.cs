using Sdc.Formats.Fits;
using Sdc.Formats.Tests.Support;

namespace Sdc.Formats.Tests.Fits;

/// <summary>The other direction: files astropy writes, read by our reader (checksums verified).</summary>
[Collection(ExternalToolsDefinition.Name)]
public sealed class AstropyWrittenFileTests(AstropyFixture astropy) : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task Load_AstropyMixedFile_ReadsEveryHduAsAstropyDoes()
    {
        var path = _temp.File("astropy-mixed.fits");
        await astropy.WriteSampleAsync(path, "mixed");
        var seen = await astropy.DumpAsync(path);

        var file = FitsFile.Load(path, new FitsReadOptions { RequireChecksums = true });

        Assert.Equal(3, file.Hdus.Count);
        var primary = file.Primary;
        Assert.Equal(seen.Hdu(0).Doubles(), primary.GetPixels<ushort>().Select(p => (double)p));
        Assert.Equal("Mars", primary.Header.GetString("OBJECT"));
        Assert.Equal(seen.Hdu(0).Card("LONGSTR")!.GetValue<string>(), primary.Header.GetString("LONGSTR"));
        Assert.Equal(1.25e-3, primary.Header.GetDouble("EXPTIME"));
        Assert.Equal(["made by astropy"], primary.Header.History);
        var cube = file.Get<ImageHdu>("CUBE");
        Assert.Equal([4, 3, 2], cube.Axes);
        Assert.Equal(seen.Hdu(1).Doubles(), cube.GetPixels<float>().Select(p => (double)p));
        var table = file.Get<BinaryTableHdu>("EVENTS");
        var columns = seen.Hdu(2);
        Assert.Equal(columns.Column("FLAG").Booleans(), table["FLAG"].GetValues<bool>());
        Assert.Equal(columns.Column("B").Longs(), table["B"].GetValues<byte>().Select(v => (long)v));
        Assert.Equal(columns.Column("I").Longs(), table["I"].GetValues<short>().Select(v => (long)v));
        Assert.Equal(columns.Column("J").Longs(), table["J"].GetValues<int>().Select(v => (long)v));
        Assert.Equal(columns.Column("K").Longs(), table["K"].GetValues<long>());
        Assert.Equal(columns.Column("SPEC").Doubles(), table["SPEC"].GetValues<float>().Select(v => (double)v));
        Assert.Equal("W/m2/nm", table["SPEC"].Unit);
        Assert.Equal(columns.Column("D").Doubles(), table["D"].GetValues<double>());
        Assert.Equal([2], table["D"].Dimensions!);
        Assert.Equal(columns.Column("NAME").Strings(), table["NAME"].GetValues<string>());
    }

    [Fact]
    public async Task Load_AstropyScaledImage_KeepsStoredValuesAndScale()
    {
        var path = _temp.File("astropy-scaled.fits");
        await astropy.WriteSampleAsync(path, "scaled");
        var seen = await astropy.DumpAsync(path);

        var image = FitsFile.Load(path).Primary;

        Assert.Equal(0.5, image.Scale);
        Assert.Equal(100, image.Zero);
        Assert.Equal(seen.Hdu(0).Doubles(), image.GetPhysicalValues());
    }

    [Fact]
    public async Task Save_AfterLoad_RoundTripsAnAstropyFile()
    {
        var path = _temp.File("astropy-source.fits");
        var copy = _temp.File("copy.fits");
        await astropy.WriteSampleAsync(path, "mixed");

        FitsFile.Load(path).Save(copy);

        await FitsVerify.AssertCleanAsync(copy);
        var before = await astropy.DumpAsync(path);
        var after = await astropy.DumpAsync(copy);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(before.Hdu(i)["values"]?.ToJsonString(), after.Hdu(i)["values"]?.ToJsonString());
            foreach (var column in before.Hdu(i)["columns"]?.AsArray() ?? [])
            {
                var copied = after.Hdu(i).Column(column!["name"]!.GetValue<string>());
                Assert.Equal(column["values"]!.ToJsonString(), copied["values"]!.ToJsonString());
                Assert.Equal(column["unit"]?.ToJsonString(), copied["unit"]?.ToJsonString());
                Assert.Equal(column["dim"]?.ToJsonString(), copied["dim"]?.ToJsonString());
            }
        }
    }

    public void Dispose() => _temp.Dispose();
}
