using System.Numerics;
using Sdc.Formats.Fits;
using Sdc.Formats.Tests.Support;

namespace Sdc.Formats.Tests.Fits;

/// <summary>Header cards of every kind, as written, read back, and seen by fitsverify and astropy.</summary>
[Collection(ExternalToolsDefinition.Name)]
public sealed class FitsHeaderTests(AstropyFixture astropy) : IDisposable
{
    private static readonly string LongText =
        string.Concat(Enumerable.Range(0, 12).Select(i => $"segment {i} of a long provenance string, it's quoted; ")) + "end&";

    // The doubled quote falls where a card would end: it must move whole to the next card. (A value of
    // nothing but quotes defeats astropy 5.2's CONTINUE parser, which then reads half of it.)
    private static readonly string QuoteAtSplit = new string('a', 66) + "'" + new string('b', 70) + "'s";

    private readonly TempFolder _temp = new();

    [Fact]
    public async Task Save_EveryValueKind_AstropyReadsTheSameValues()
    {
        var hdu = new ImageHdu(new float[4], 2, 2);
        hdu.Header
            .Add("OBJECT", "Mars", "target")
            .Add("QUOTE", "it's 'quoted'")
            .Add("EMPTY", "")
            .Add("LEAD", "  leading spaces")
            .Add("LONGSTR", LongText, "a comment after a long string")
            .Add("LONGQ", QuoteAtSplit)
            .Add("FLAG", true)
            .Add("NOFLAG", false, "logical false")
            .Add("COUNT", 42L)
            .Add("BIGINT", long.MaxValue)
            .Add("NEGINT", long.MinValue)
            .Add("SMALL", 1e-5)
            .Add("PRECISE", 1.2345678901234567e300, "needs more than 20 characters")
            .Add("TENTH", 0.1)
            .Add("WHOLE", 123456789.0)
            .Add("NEGZERO", -0.0)
            .Add("CPLX", new Complex(1.5, -2.25))
            .AddComment("A comment card.")
            .AddHistory(new string('h', 100))
            .Add(FitsCard.Commentary("", "blank keyword text"));
        var path = _temp.File("header.fits");

        new FitsFile(hdu).Save(path);

        await FitsVerify.AssertCleanAsync(path);
        var back = FitsFile.Load(path).Primary.Header;
        Assert.Equal(hdu.Header.Select(c => (c.Keyword, c.Value, c.Comment, c.IsCommentary)), back.Select(c => (c.Keyword, c.Value, c.Comment, c.IsCommentary)));
        var dump = await astropy.DumpAsync(path);
        Assert.Empty(dump["warnings"]!.AsArray());
        var seen = dump.Hdu(0);
        Assert.Equal("Mars", seen.Card("OBJECT")!.GetValue<string>());
        Assert.Equal("target", seen.CardComment("OBJECT"));
        Assert.Equal("it's 'quoted'", seen.Card("QUOTE")!.GetValue<string>());
        Assert.Equal("", seen.Card("EMPTY")!.GetValue<string>());
        Assert.Equal("  leading spaces", seen.Card("LEAD")!.GetValue<string>());
        Assert.Equal(LongText, seen.Card("LONGSTR")!.GetValue<string>());
        Assert.Equal("a comment after a long string", seen.CardComment("LONGSTR"));
        Assert.Equal(QuoteAtSplit, seen.Card("LONGQ")!.GetValue<string>());
        Assert.True(seen.Card("FLAG")!.GetValue<bool>());
        Assert.False(seen.Card("NOFLAG")!.GetValue<bool>());
        Assert.Equal(42, seen.Card("COUNT")!.GetValue<long>());
        Assert.Equal(long.MaxValue, seen.Card("BIGINT")!.GetValue<long>());
        Assert.Equal(long.MinValue, seen.Card("NEGINT")!.GetValue<long>());
        Assert.Equal(1e-5, seen.Card("SMALL")!.GetValue<double>());
        Assert.Equal(1.2345678901234567e300, seen.Card("PRECISE")!.GetValue<double>());
        Assert.Equal(0.1, seen.Card("TENTH")!.GetValue<double>());
        Assert.Equal(123456789.0, seen.Card("WHOLE")!.GetValue<double>());
        Assert.Equal([1.5, -2.25], seen.Card("CPLX")!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Equal("A comment card.", seen.Card("COMMENT")!.GetValue<string>());
        Assert.Equal(2, seen.Keywords().Count(k => k == "HISTORY"));
        Assert.Equal("OGIP 1.0", seen.Card("LONGSTRN")!.GetValue<string>());
    }

    [Fact]
    public void Read_UndefinedValue_IsNullWithItsComment()
    {
        // Legal FITS, but fitsverify warns about it, so products should not use it.
        var hdu = new ImageHdu();
        hdu.Header.Add(new FitsCard("UNDEF", null, "no value"));
        using var stream = new MemoryStream();
        new FitsFile(hdu).WriteTo(stream);
        stream.Position = 0;

        var card = FitsFile.Read(stream).Primary.Header.Find("UNDEF");

        Assert.NotNull(card);
        Assert.Null(card.Value);
        Assert.Equal("no value", card.Comment);
    }

    [Fact]
    public void Getters_TypedValues_ReturnThemAndNameTheMismatch()
    {
        var header = new FitsHeader().Add("exptime", 2.5).Add("NFRAMES", 3).Add("OBJECT", "Mars").Add("DONE", true);

        Assert.Equal(2.5, header.GetDouble("EXPTIME"));
        Assert.Equal(3.0, header.GetDouble("nframes"));
        Assert.Equal(3, header.GetInt64("NFRAMES"));
        Assert.Equal("Mars", header.GetString("OBJECT"));
        Assert.True(header.GetBoolean("DONE"));
        Assert.False(header.TryGetString("MISSING", out _));
        var e = Assert.Throws<InvalidCastException>(() => header.GetInt64("OBJECT"));
        Assert.Contains("OBJECT is the string 'Mars', not an integer", e.Message, StringComparison.Ordinal);
        Assert.Throws<KeyNotFoundException>(() => header.GetString("MISSING"));
    }

    [Fact]
    public void Set_ExistingKeyword_ReplacesInPlaceKeepingTheComment()
    {
        var header = new FitsHeader().Add("A", 1, "first").Add("B", 2).Set("A", 10);

        Assert.Equal(["A", "B"], header.Select(c => c.Keyword));
        Assert.Equal(10, header.GetInt64("A"));
        Assert.Equal("first", header.Find("A")!.Comment);
    }

    [Theory]
    [InlineData("COMMENT")]
    [InlineData("history")]
    [InlineData("TOOLONGKEY")]
    [InlineData("BAD KEY")]
    [InlineData("É")]
    [InlineData("")]
    public void Add_InvalidKeyword_Throws(string keyword) =>
        Assert.Throws<ArgumentException>(() => new FitsHeader().Add(keyword, 1));

    [Fact]
    public void Add_NonFiniteOrNonAsciiValue_Throws()
    {
        Assert.Throws<ArgumentException>(() => new FitsHeader().Add("X", double.NaN));
        Assert.Throws<ArgumentException>(() => new FitsHeader().Add("X", "café"));
        Assert.Throws<ArgumentException>(() => new FitsHeader().Add("X", "tab\there"));
    }

    [Theory]
    [InlineData("NAXIS1")]
    [InlineData("BITPIX")]
    [InlineData("CHECKSUM")]
    [InlineData("CONTINUE")]
    [InlineData("BZERO")]
    public void Save_StructuralKeywordInHeader_ThrowsNamingIt(string keyword)
    {
        var hdu = new ImageHdu(new short[2], 2);
        hdu.Header.Add(keyword, 1);

        var e = Assert.Throws<InvalidOperationException>(() => new FitsFile(hdu).WriteTo(new MemoryStream()));

        Assert.Contains($"holds {keyword}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_TableKeywordsInImageHeader_AreAllowed()
    {
        var hdu = new ImageHdu(new short[2], 2);
        hdu.Header.Add("TFORM1", "not a table here");

        new FitsFile(hdu).WriteTo(new MemoryStream());
    }

    public void Dispose() => _temp.Dispose();
}
