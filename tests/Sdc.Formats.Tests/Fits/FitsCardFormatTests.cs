using Sdc.Formats.Fits;

namespace Sdc.Formats.Tests.Fits;

/// <summary>The exact card images (FITS 4.0 fixed format), independent of any reader.</summary>
public sealed class FitsCardFormatTests
{
    [Theory]
    [InlineData("OBJECT", "Mars", null, "OBJECT  = 'Mars    '")]
    [InlineData("OBJECT", "it's", "target", "OBJECT  = 'it''s   '           / target")]
    [InlineData("EMPTY", "", null, "EMPTY   = ''")]
    [InlineData("SIMPLE", true, null, "SIMPLE  =                    T")]
    [InlineData("NAXIS1", 4096, "width", "NAXIS1  =                 4096 / width")]
    [InlineData("SMALL", 1e-5, null, "SMALL   =              1.0E-05")]
    [InlineData("WHOLE", 3.0, null, "WHOLE   =                  3.0")]
    [InlineData("PRECISE", 1.2345678901234567e300, null, "PRECISE = 1.2345678901234567E+300")]
    [InlineData("UNDEF", null, "no value", "UNDEF   =                      / no value")]
    public void Append_Value_MakesTheFixedFormatCard(string keyword, object? value, string? comment, string expected)
    {
        var lines = new List<string>();

        FitsCardFormat.Append(new FitsCard(keyword, value, comment), lines);

        Assert.Equal(expected.PadRight(80), Assert.Single(lines));
    }

    [Fact]
    public void Append_LongString_SplitsWithContinueNeverInsideADoubledQuote()
    {
        var value = new string('a', 66) + "'" + new string('b', 80);
        var lines = new List<string>();

        var continued = FitsCardFormat.Append(new FitsCard("LONG", value, "why"), lines);

        Assert.True(continued);
        Assert.All(lines, l => Assert.Equal(80, l.Length));
        Assert.Equal("LONG    = '" + new string('a', 66) + "&'", lines[0].TrimEnd());
        Assert.StartsWith("CONTINUE  '''", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("/ why", lines[^1].TrimEnd(), StringComparison.Ordinal);
        var parsed = lines.Select(FitsCardFormat.Parse).ToList();
        Assert.Equal(value, string.Concat(parsed.Select(p => ((string)p.Value!).TrimEnd('&'))));
    }

    [Fact]
    public void Append_LongComment_IsCutAtTheCardEnd()
    {
        var lines = new List<string>();

        FitsCardFormat.Append(new FitsCard("KEY", 1, new string('c', 100)), lines);

        Assert.Equal(80, Assert.Single(lines).Length);
    }

    [Theory]
    [InlineData("KEY     = 'O''Brien ' / name", "O'Brien", "name")]
    [InlineData("KEY     =                    T", true, null)]
    [InlineData("KEY     = -12 / n", -12L, "n")]
    [InlineData("KEY     = 1.5D3", 1500.0, null)]
    [InlineData("KEY     = .5", 0.5, null)]
    [InlineData("KEY     =   ", null, null)]
    public void Parse_Value_ReadsItsTypeAndComment(string card, object? value, string? comment)
    {
        var parsed = FitsCardFormat.Parse(card.PadRight(80));

        Assert.Equal(value, parsed.Value);
        Assert.Equal(comment, parsed.Comment);
        Assert.False(parsed.IsCommentary);
    }

    [Theory]
    [InlineData("KEY     = 'unclosed", "no closing quote")]
    [InlineData("KEY     = 12abc", "cannot read the value '12abc'")]
    [InlineData("KEY     = NaN", "cannot read the value 'NaN'")]
    [InlineData("KEY     = 'x' junk", "unexpected 'junk'")]
    [InlineData("K.Y     = 1", "keyword 'K.Y'")]
    public void Parse_BadCard_SaysWhatWasExpected(string card, string message)
    {
        var e = Assert.Throws<FormatException>(() => FitsCardFormat.Parse(card.PadRight(80)));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CommentaryCard_KeepsTheText()
    {
        var parsed = FitsCardFormat.Parse("HISTORY   indented = not a value".PadRight(80));

        Assert.True(parsed.IsCommentary);
        Assert.Equal("HISTORY", parsed.Keyword);
        Assert.Equal("  indented = not a value", parsed.Comment);
    }
}
