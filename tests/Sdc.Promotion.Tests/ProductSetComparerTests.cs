using Sdc.Formats.Fits;
using Sdc.Formats.Png;
using Sdc.Promotion.Comparison;
using Sdc.Promotion.Reports;
using Sdc.Promotion.Runs;
using Sdc.Promotion.Settings;
using Sdc.Promotion.Tests.Support;

namespace Sdc.Promotion.Tests;

/// <summary>Products written with Sdc.Formats, one changed at a time, compared as validation compares them.</summary>
public sealed class ProductSetComparerTests : IDisposable
{
    private static readonly string L2 = Emm.ProductName("exi", "l2", Products.Start.UtcDateTime, 1, "f220", "01-00", "fits");
    private static readonly string Ql = Emm.ProductName("exi", "ql", Products.Start.UtcDateTime, 1, "f220", "01-00", "png");
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Compare_SameFiles_MatchIdentical()
    {
        var result = Single(Products.Level2(), Products.Level2());

        Assert.Equal(ProductResults.Match, result.Result);
        Assert.True(result.Identical);
        Assert.Empty(result.Differences);
        Assert.Equal(["PRIMARY", "QUALITY", "LINES"], result.Hdus.Select(h => h.Name));
        var pixels = Assert.Single(result.Hdus[0].Data);
        Assert.Equal((12L, 0L), (pixels.Values, pixels.Outside));
    }

    [Fact]
    public void Compare_OnlyKeywordsThatMayDifferChange_MatchNotIdentical()
    {
        var candidate = Products.Level2(procver: "1.1.0");
        candidate.Primary.Header.Set("DATE", "2026-01-01T00:00:00");
        candidate.Primary.Header.AddHistory("made by exi 1.1.0");

        var result = Single(candidate, Products.Level2());

        Assert.Equal(ProductResults.Match, result.Result);
        Assert.False(result.Identical);
    }

    [Fact]
    public void Compare_PixelWithinRelativeTolerance_MatchWithItsDifference()
    {
        var pixels = Products.Pixels();
        pixels[5] *= 1 + 5e-7f;

        var result = Single(Products.Level2(pixels), Products.Level2());

        Assert.Equal(ProductResults.Match, result.Result);
        Assert.InRange(result.MaxRelativeDifference, 1e-8, 1e-6);
        Assert.Equal(result.MaxAbsoluteDifference, result.Hdus[0].Data[0].MaxAbsoluteDifference);
    }

    [Fact]
    public void Compare_PixelPerturbedWithToleranceZero_DiffersNamingHduAndPixel()
    {
        var pixels = Products.Pixels();
        pixels[5] += 1e-5f;
        var exact = ValidationSettings.Defaults with { DefaultTolerance = Tolerance.Exact };

        var result = Single(Products.Level2(pixels), Products.Level2(), exact);

        Assert.Equal(ProductResults.Differs, result.Result);
        var difference = Assert.Single(result.Differences);
        Assert.Equal(("HDU 0 (PRIMARY)", "pixels"), (difference.Location, difference.Item));
        // Index 5 of a 4-wide image: x = 2, y = 2 counted from 0, so [2, 2] from 1.
        Assert.Equal("1 of 12 values outside relative 0, absolute 0; first at pixel [2, 2]; max |difference| 1.00136E-05, max relative 1.66893E-06", difference.Problem);
        Assert.Equal("pixel [2, 2]", result.Hdus[0].Data[0].FirstOutside);
    }

    [Fact]
    public void Compare_PixelBecomesNaN_DiffersWhateverTheTolerance()
    {
        var pixels = Products.Pixels();
        pixels[0] = float.NaN;
        var loose = ValidationSettings.Defaults with { DefaultTolerance = new Tolerance(1, 1e30) };

        var result = Single(Products.Level2(pixels), Products.Level2(), loose);

        var data = result.Hdus[0].Data[0];
        Assert.Equal((1L, 1L), (data.Outside, data.NonFinite));
        Assert.Contains("(1 NaN or infinite on one side only)", result.Differences.Single().Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_KeywordChangedMissingAndAdded_EachNamed()
    {
        var candidate = Products.Level2();
        candidate.Primary.Header.Set("EXPTIME", 12.5);
        candidate.Primary.Header.Remove("FILTER");
        candidate.Hdus[1].Header.Add("NHOT", 3L);

        var result = Single(candidate, Products.Level2());

        Assert.Equal(ProductResults.Differs, result.Result);
        Assert.Contains(new Difference("HDU 0 (PRIMARY)", "EXPTIME", "12.5", "10", "values differ beyond relative 0, absolute 0"), result.Differences);
        Assert.Contains(new Difference("HDU 0 (PRIMARY)", "FILTER", null, "f220", "only in baseline"), result.Differences);
        Assert.Contains(new Difference("HDU 1 (QUALITY)", "NHOT", "3", null, "only in candidate"), result.Differences);
        Assert.Equal(3, result.Differences.Count);
    }

    [Fact]
    public void Compare_CommentChanged_Differs()
    {
        var candidate = Products.Level2();
        candidate.Primary.Header.AddComment("A new note.");

        var result = Single(candidate, Products.Level2());

        var difference = Assert.Single(result.Differences);
        Assert.Equal(("COMMENT", "A new note."), (difference.Item, difference.Candidate));
    }

    [Fact]
    public void Compare_TableValueAndText_DifferNamingColumnAndRow()
    {
        var candidate = Products.Level2();
        var lines = (BinaryTableHdu)candidate.Hdus[2];
        lines.Columns[1].GetValues<float>()[2] = 3.6f;
        lines.Columns[2].GetValues<string>()[0] = "z";

        var result = Single(candidate, Products.Level2());

        Assert.Equal(2, result.Differences.Count);
        Assert.Equal(("HDU 2 (LINES)", "column FLUX"), (result.Differences[0].Location, result.Differences[0].Item));
        Assert.Contains("first at row 3", result.Differences[0].Problem, StringComparison.Ordinal);
        Assert.Equal("column NAME", result.Differences[1].Item);
        Assert.StartsWith("1 of 3 values outside exact; first at row 1", result.Differences[1].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_ColumnToleranceFromSettings_AllowsThatColumnOnly()
    {
        var candidate = Products.Level2();
        ((BinaryTableHdu)candidate.Hdus[2]).Columns[1].GetValues<float>()[2] = 3.6f;
        var settings = ValidationSettingsReader.Parse("tolerance:\n  \"l2:LINES/FLUX\": { absolute: 0.2 }\n", "v.yaml");

        var result = Single(candidate, Products.Level2(), settings);

        Assert.Equal(ProductResults.Match, result.Result);
        Assert.Equal("relative 0, absolute 0.2", result.Hdus[2].Data.Single(d => d.Item == "column FLUX").Tolerance);
    }

    [Fact]
    public void Compare_ImageShapeChanged_StructureDifference()
    {
        var candidate = new FitsFile(new ImageHdu(new double[12], 4, 3), new ImageHdu(new byte[12], 4, 3) { Name = "QUALITY" });
        var baseline = new FitsFile(new ImageHdu(new float[12], 4, 3), new ImageHdu(new byte[12], 4, 3) { Name = "QUALITY" });

        var result = Single(candidate, baseline);

        var difference = Assert.Single(result.Differences);
        Assert.Equal(("HDU 0 (PRIMARY)", "structure"), (difference.Location, difference.Item));
        Assert.StartsWith("BITPIX -64", difference.Candidate, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_ExtensionDropped_DifferentNumberOfHdus()
    {
        var candidate = Products.Level2();
        candidate.Hdus.RemoveAt(2);

        var result = Single(candidate, Products.Level2());

        Assert.Contains(result.Differences, d => d.Item == "HDUs" && d.Candidate == "PRIMARY, QUALITY" && d.Baseline == "PRIMARY, QUALITY, LINES");
    }

    [Fact]
    public void Compare_DamagedFile_DifferenceNotACrash()
    {
        var candidate = Products.Save(Products.Level2(), _temp.Folder("c"), L2);
        var bytes = File.ReadAllBytes(candidate.Path);
        bytes[2880 + 10] ^= 0xFF; // in the primary image's data: DATASUM no longer holds
        File.WriteAllBytes(candidate.Path, bytes);
        var baseline = Products.Save(Products.Level2(), _temp.Folder("b"), L2);

        var result = Assert.Single(new ProductSetComparer(Emm.Mission, ValidationSettings.Defaults).Compare([candidate], [baseline]));

        Assert.Equal(ProductResults.Differs, result.Result);
        Assert.Contains("the candidate's file cannot be read", result.Differences.Single().Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_NamesDifferInVersionOnly_SameProduct()
    {
        var candidate = Products.Save(Products.Level2(), _temp.Folder("c"), L2.Replace("v01-00", "v02-00", StringComparison.Ordinal));
        var baseline = Products.Save(Products.Level2(), _temp.Folder("b"), L2);

        var result = Assert.Single(new ProductSetComparer(Emm.Mission, ValidationSettings.Defaults).Compare([candidate], [baseline]));

        Assert.Equal(ProductResults.Match, result.Result);
        Assert.Equal((candidate.Name, baseline.Name), (result.Candidate, result.Baseline));
    }

    [Fact]
    public void Compare_ProductMissingAndExtra_Reported()
    {
        var other = Emm.ProductName("exi", "l2", Products.Start.UtcDateTime, 1, "f260", "01-00", "fits");
        var candidate = Products.Save(Products.Level2(), _temp.Folder("c"), other);
        var baseline = Products.Save(Products.Level2(), _temp.Folder("b"), L2);

        var results = new ProductSetComparer(Emm.Mission, ValidationSettings.Defaults).Compare([candidate], [baseline]);

        Assert.Equal([(L2, ProductResults.Missing), (other, ProductResults.Extra)], results.Select(r => (r.Product, r.Result)));
    }

    [Fact]
    public void Compare_QualityInOutputsJsonChanged_MetadataDifference()
    {
        var candidate = Products.Save(Products.Level2(), _temp.Folder("c"), L2, quality: 2) with { QualityNotes = ["2: saturated pixels"] };
        var baseline = Products.Save(Products.Level2(), _temp.Folder("b"), L2);

        var result = Assert.Single(new ProductSetComparer(Emm.Mission, ValidationSettings.Defaults).Compare([candidate], [baseline]));

        Assert.Equal(
            [new Difference("outputs.json", "quality", "2", "0", "metadata differ"), new Difference("outputs.json", "qualityNotes", "2: saturated pixels", "", "metadata differ")],
            result.Differences);
    }

    [Theory]
    [InlineData(1, ProductResults.Match)]
    [InlineData(2, ProductResults.Differs)]
    public void Compare_QuicklookGreyLevels_WithinOneLevelByDefault(int shift, string expected)
    {
        var pixels = Enumerable.Range(0, 64).Select(i => (byte)(i * 3)).ToArray();
        var shifted = pixels.Select((p, i) => i == 9 ? (byte)(p + shift) : p).ToArray();
        var candidate = Products.Save(PngImage.Gray8(shifted, 8, 8), _temp.Folder($"c{shift}"), Ql);
        var baseline = Products.Save(PngImage.Gray8(pixels, 8, 8), _temp.Folder($"b{shift}"), Ql);

        var result = Assert.Single(new ProductSetComparer(Emm.Mission, ValidationSettings.Defaults).Compare([candidate], [baseline]));

        Assert.Equal(expected, result.Result);
        Assert.Equal(shift, result.MaxAbsoluteDifference);
        if (expected == ProductResults.Differs)
        {
            Assert.Contains("first at pixel (1, 1) from the top left", result.Differences.Single().Problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Compare_QuicklookTextOnlyChanged_Match()
    {
        var pixels = Enumerable.Range(0, 64).Select(i => (byte)i).ToArray();
        var candidate = PngImage.Gray8(pixels, 8, 8);
        candidate.Text.Add(new("Software", "exi 1.1.0"));
        var baseline = PngImage.Gray8(pixels, 8, 8);
        baseline.Text.Add(new("Software", "exi 1.0.0"));

        var result = Assert.Single(new ProductSetComparer(Emm.Mission, ValidationSettings.Defaults)
            .Compare([Products.Save(candidate, _temp.Folder("c"), Ql)], [Products.Save(baseline, _temp.Folder("b"), Ql)]));

        Assert.Equal(ProductResults.Match, result.Result);
        Assert.False(result.Identical);
    }

    private ProductResult Single(FitsFile candidate, FitsFile baseline, ValidationSettings? settings = null)
    {
        var c = Products.Save(candidate, _temp.Folder($"c-{Guid.NewGuid():N}"), L2);
        var b = Products.Save(baseline, _temp.Folder($"b-{Guid.NewGuid():N}"), L2);
        return Assert.Single(new ProductSetComparer(Emm.Mission, settings ?? ValidationSettings.Defaults).Compare([c], [b]));
    }
}
