using Sdc.Formats.Fits;
using Sdc.Formats.Tests.Support;

namespace Sdc.Formats.Tests.Fits;

/// <summary>BINTABLE extensions with every supported TFORM, checked by our reader, fitsverify and astropy.</summary>
[Collection(ExternalToolsDefinition.Name)]
public sealed class BinaryTableHduTests(AstropyFixture astropy) : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task Save_EveryTform_AstropyReadsEachColumn()
    {
        var table = AllTypes(rows: 5);
        var path = _temp.File("all-types.fits");

        new FitsFile(new ImageHdu(), table).Save(path);

        await FitsVerify.AssertCleanAsync(path);
        var back = FitsFile.Load(path).Get<BinaryTableHdu>("EVENTS");
        Assert.Equal(5, back.RowCount);
        foreach (var column in table.Columns)
        {
            var read = back[column.Name];
            Assert.Equal(column.Format, read.Format);
            Assert.Equal(column.Unit, read.Unit);
            Assert.Equal(column.Dimensions, read.Dimensions);
            Assert.Equal(column.Values, read.Values);
        }

        var seen = (await astropy.DumpAsync(path)).Hdu(1);
        Assert.Equal("BinTableHDU", seen["class"]!.GetValue<string>());
        Assert.Equal(5, seen["rows"]!.GetValue<int>());
        Assert.Equal(table["FLAG"].GetValues<bool>(), seen.Column("FLAG").Booleans());
        Assert.Equal(table["B"].GetValues<byte>().Select(v => (long)v), seen.Column("B").Longs());
        Assert.Equal(table["I"].GetValues<short>().Select(v => (long)v), seen.Column("I").Longs());
        Assert.Equal(table["J"].GetValues<int>().Select(v => (long)v), seen.Column("J").Longs());
        Assert.Equal(table["K"].GetValues<long>(), seen.Column("K").Longs());
        Assert.Equal(table["E"].GetValues<float>().Select(v => (double)v), seen.Column("E").Doubles());
        Assert.Equal(table["D"].GetValues<double>(), seen.Column("D").Doubles());
        Assert.Equal(table["NAME"].GetValues<string>(), seen.Column("NAME").Strings());
        Assert.Equal(["uint8", "int16", "int32", "int64", "float32", "float64"],
            new[] { "B", "I", "J", "K", "E", "D" }.Select(c => seen.Column(c)["dtype"]!.GetValue<string>()));
        Assert.Equal("nm", seen.Column("E")["unit"]!.GetValue<string>());
    }

    [Fact]
    public async Task Save_RepeatCountsAndTdim_AstropyShapesTheCells()
    {
        const int rows = 3;
        var spectrum = Enumerable.Range(0, rows * 1024).Select(i => (float)Math.Sin(i / 100.0)).ToArray();
        var cube = Enumerable.Range(0, rows * 12).Select(i => (short)i).ToArray();
        var table = new BinaryTableHdu(
            new FitsColumn("SPECTRUM", spectrum, 1024) { Unit = "W m-2 sr-1 nm-1" },
            new FitsColumn("CUBE", cube, 12) { Dimensions = [4, 3] },
            new FitsColumn("FLAGS", new[] { true, false, false, true, true, true }, 2),
            new FitsColumn("LABEL", new[] { "EXI", "EMIRS", "EMUS" }, 16))
        { Name = "SPECTRA" };
        var path = _temp.File("repeat.fits");

        new FitsFile(new ImageHdu(), table).Save(path);

        await FitsVerify.AssertCleanAsync(path);
        var back = FitsFile.Load(path).Get<BinaryTableHdu>("SPECTRA");
        Assert.Equal(["1024E", "12I", "2L", "16A"], back.Columns.Select(c => c.Format));
        Assert.Equal(spectrum, back["SPECTRUM"].GetValues<float>());
        Assert.Equal([4, 3], back["CUBE"].Dimensions!);
        var seen = (await astropy.DumpAsync(path)).Hdu(1);
        Assert.Equal([3, 1024], seen.Column("SPECTRUM")["shape"]!.Ints());
        Assert.Equal([3, 3, 4], seen.Column("CUBE")["shape"]!.Ints());
        Assert.Equal(cube.Select(v => (long)v), seen.Column("CUBE").Longs());
        Assert.Equal(spectrum.Select(v => (double)v), seen.Column("SPECTRUM").Doubles());
        Assert.Equal(["EXI", "EMIRS", "EMUS"], seen.Column("LABEL").Strings());
        Assert.Equal([true, false, false, true, true, true], seen.Column("FLAGS").Booleans());
    }

    [Fact]
    public async Task Save_ManyRowsOfOddWidth_ChunksAndChecksumsHold()
    {
        // 35-byte rows: chunks of whole rows are not whole 4-byte words, so the checksum carries
        // partial words from one chunk to the next.
        const int rows = 40_000;
        var random = new Random(3);
        var time = Enumerable.Range(0, rows).Select(i => 7e8 + (i * 0.125)).ToArray();
        var rate = Enumerable.Range(0, rows).Select(_ => (float)random.NextDouble()).ToArray();
        var counts = Enumerable.Range(0, rows).Select(_ => random.Next()).ToArray();
        var quality = Enumerable.Range(0, rows).Select(i => (short)(i % 7)).ToArray();
        var flag = Enumerable.Range(0, rows).Select(i => i % 3 == 0).ToArray();
        var id = Enumerable.Range(0, rows).Select(i => (long)i * 1_000_003).ToArray();
        var name = Enumerable.Range(0, rows).Select(i => $"r{i}").ToArray();
        var table = new BinaryTableHdu(
            new FitsColumn("TIME", time), new FitsColumn("RATE", rate), new FitsColumn("COUNTS", counts),
            new FitsColumn("QUALITY", quality), new FitsColumn("FLAG", flag), new FitsColumn("ID", id),
            new FitsColumn("NAME", name, 8));
        Assert.Equal(35, table.RowWidth);
        var path = _temp.File("rows.fits");

        new FitsFile(new ImageHdu(), table).Save(path);

        await FitsVerify.AssertCleanAsync(path);
        var back = FitsFile.Load(path, new FitsReadOptions { RequireChecksums = true });
        var read = (BinaryTableHdu)back.Hdus[1];
        Assert.Equal(time, read["TIME"].GetValues<double>());
        Assert.Equal(counts, read["COUNTS"].GetValues<int>());
        Assert.Equal(name, read["NAME"].GetValues<string>());
        var seen = (await astropy.DumpAsync(path)).Hdu(1);
        Assert.Equal(1, seen["checksum"]!.GetValue<int>());
        Assert.Equal(1, seen["datasum"]!.GetValue<int>());
        Assert.Equal(counts.Sum(c => (double)c), AstropyJson.ToDouble(seen.Column("COUNTS")["sum"]), 3);
        Assert.Equal(id.Sum(v => (double)v), AstropyJson.ToDouble(seen.Column("ID")["sum"]), 3);
        Assert.Equal(flag, seen.Column("FLAG").Booleans());
    }

    [Fact]
    public async Task Save_EmptyTable_IsValid()
    {
        var table = new BinaryTableHdu(new FitsColumn("X", Array.Empty<double>()), new FitsColumn("S", Array.Empty<string>(), 4));
        var path = _temp.File("empty.fits");

        new FitsFile(new ImageHdu(), table).Save(path);

        await FitsVerify.AssertCleanAsync(path);
        Assert.Equal(0, ((BinaryTableHdu)FitsFile.Load(path).Hdus[1]).RowCount);
        Assert.Equal(0, (await astropy.DumpAsync(path)).Hdu(1)["rows"]!.GetValue<int>());
    }

    [Fact]
    public void Save_ColumnsOfDifferentLengths_ThrowsNamingThem()
    {
        var file = new FitsFile(new ImageHdu(), new BinaryTableHdu(new FitsColumn("A", new int[3]), new FitsColumn("B", new int[4])));

        var e = Assert.Throws<InvalidOperationException>(() => file.WriteTo(new MemoryStream()));

        Assert.Contains("HDU 1 (BINTABLE): column B has 4 rows, column A 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_StringLongerThanItsField_Throws()
    {
        var file = new FitsFile(new ImageHdu(), new BinaryTableHdu(new FitsColumn("S", new[] { "ok", "too long" }, 4)));

        var e = Assert.Throws<InvalidOperationException>(() => file.WriteTo(new MemoryStream()));

        Assert.Contains("row 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_TableAsPrimary_ThrowsAskingForAnEmptyImage()
    {
        var file = new FitsFile(new BinaryTableHdu(new FitsColumn("A", new int[1])));

        var e = Assert.Throws<InvalidOperationException>(() => file.WriteTo(new MemoryStream()));

        Assert.Contains("empty ImageHdu", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnsupportedArrayOrPartialRow_Throws()
    {
        Assert.Throws<ArgumentException>(() => new FitsColumn("U", new ushort[2]));
        Assert.Throws<ArgumentException>(() => new FitsColumn("V", new float[5], 2));
        Assert.Throws<ArgumentException>(() => new FitsColumn("W", new float[4], 4) { Dimensions = [3] });
    }

    public void Dispose() => _temp.Dispose();

    private static BinaryTableHdu AllTypes(int rows)
    {
        var table = new BinaryTableHdu(
            new FitsColumn("FLAG", new[] { true, false, true, true, false }),
            new FitsColumn("B", new byte[] { 0, 1, 127, 128, 255 }),
            new FitsColumn("I", new short[] { short.MinValue, -1, 0, 1, short.MaxValue }),
            new FitsColumn("J", new[] { int.MinValue, -1, 0, 1, int.MaxValue }),
            new FitsColumn("K", new[] { long.MinValue, -1, 0, 1, long.MaxValue }),
            new FitsColumn("E", new[] { float.MinValue, float.NaN, 0.1f, float.Epsilon, float.PositiveInfinity }) { Unit = "nm" },
            new FitsColumn("D", new[] { double.MinValue, double.NaN, 0.1, double.Epsilon, double.NegativeInfinity }),
            new FitsColumn("NAME", new[] { "a", "", "it's \"q\"", "exactly16chars!!", " lead" }, 16))
        { Name = "EVENTS" };
        Assert.Equal(rows, table.RowCount);
        return table;
    }
}
