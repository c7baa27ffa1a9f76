using System.Globalization;
using System.Numerics;

namespace Sdc.Formats.Fits;

/// <summary>
/// One header keyword: a value card (<c>KEYWORD = value / comment</c>) or a commentary card
/// (<c>COMMENT</c>, <c>HISTORY</c>, blank keyword) whose text is <see cref="Comment"/>. Values are
/// <see cref="string"/>, <see cref="bool"/>, <see cref="long"/>, <see cref="double"/>,
/// <see cref="Complex"/> or null (an undefined value); <see cref="int"/> and <see cref="float"/>
/// are widened. Keywords are upper-cased. A string of any length is allowed: long ones are written
/// with the CONTINUE convention.
/// </summary>
public sealed class FitsCard
{
    private FitsCard(string keyword, object? value, string? comment, bool isCommentary)
    {
        Keyword = keyword;
        Value = value;
        Comment = comment;
        IsCommentary = isCommentary;
    }

    /// <summary>A value card.</summary>
    /// <exception cref="ArgumentException">The keyword is not 1–8 of A–Z 0–9 - _, the value is of
    /// another type, a string is not printable ASCII, or a number is not finite.</exception>
    public FitsCard(string keyword, object? value, string? comment = null)
        : this(CheckValueKeyword(keyword), Normalize(keyword, value), CheckText(comment, nameof(comment)), isCommentary: false)
    {
    }

    public string Keyword { get; }

    public object? Value { get; }

    /// <summary>The comment of a value card, or the text of a commentary card.</summary>
    public string? Comment { get; }

    public bool IsCommentary { get; }

    /// <summary>A commentary card: <c>COMMENT</c>, <c>HISTORY</c>, or "" for a blank keyword.</summary>
    public static FitsCard Commentary(string keyword, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new FitsCard(CheckKeyword(keyword, allowBlank: true), null, CheckText(text, nameof(text)), isCommentary: true);
    }

    public override string ToString() =>
        IsCommentary ? $"{Keyword} {Comment}" : $"{Keyword} = {FormatValue(Value)}{(Comment is null ? "" : " / " + Comment)}";

    private static string FormatValue(object? value) => value switch
    {
        null => "",
        string s => $"'{s}'",
        bool b => b ? "T" : "F",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    internal static FitsCard Parsed(string keyword, object? value, string? comment, bool isCommentary) =>
        new(keyword, value, comment, isCommentary);

    internal static string CheckKeyword(string keyword, bool allowBlank)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        var upper = keyword.Trim().ToUpperInvariant();
        if (upper.Length == 0 && allowBlank)
        {
            return upper;
        }

        if (upper.Length is 0 or > 8 || !upper.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_'))
        {
            throw new ArgumentException($"FITS keyword '{keyword}' must be 1 to 8 characters of A-Z, 0-9, '-' and '_'.", nameof(keyword));
        }

        return upper;
    }

    private static string CheckValueKeyword(string keyword)
    {
        var key = CheckKeyword(keyword, allowBlank: false);
        return key is "COMMENT" or "HISTORY"
            ? throw new ArgumentException($"{key} cards carry text, not a value: use FitsHeader.Add{(key == "COMMENT" ? "Comment" : "History")} or FitsCard.Commentary.", nameof(keyword))
            : key;
    }

    private static object? Normalize(string keyword, object? value) => value switch
    {
        null => null,
        string s => CheckText(s, nameof(value)),
        bool b => b,
        long l => l,
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        uint u => (long)u,
        ushort u => (long)u,
        double d when double.IsFinite(d) => d,
        float f when float.IsFinite(f) => (double)f,
        Complex c when double.IsFinite(c.Real) && double.IsFinite(c.Imaginary) => c,
        double or float or Complex => throw new ArgumentException($"FITS keyword {keyword}: {value} is not finite; header values cannot be NaN or infinite.", nameof(value)),
        _ => throw new ArgumentException($"FITS keyword {keyword}: values of type {value.GetType().Name} are not supported (string, bool, integer, floating point, Complex).", nameof(value)),
    };

    private static string? CheckText(string? text, string parameter)
    {
        if (text is not null && !text.All(c => c is >= ' ' and <= '~'))
        {
            throw new ArgumentException($"FITS header text must be printable ASCII (32-126): '{text}'.", parameter);
        }

        return text;
    }
}
