using System.Collections;
using System.Numerics;

namespace Sdc.Formats.Fits;

/// <summary>
/// The ordered cards of an HDU that are not structural: the writer makes SIMPLE/XTENSION, BITPIX,
/// NAXISn, EXTEND, PCOUNT, GCOUNT, BSCALE/BZERO of images, TFIELDS and TTYPEn/TFORMn/TUNITn/TDIMn of
/// tables, LONGSTRN, CHECKSUM and DATASUM from the HDU itself, and the reader takes them out of here.
/// Keywords are matched case-insensitively; getters read the first card with the keyword.
/// </summary>
public sealed class FitsHeader : IReadOnlyList<FitsCard>
{
    private readonly List<FitsCard> _cards = [];

    public int Count => _cards.Count;

    public FitsCard this[int index] => _cards[index];

    public FitsHeader Add(FitsCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        _cards.Add(card);
        return this;
    }

    public FitsHeader Add(string keyword, string value, string? comment = null) => Add(new FitsCard(keyword, value, comment));

    public FitsHeader Add(string keyword, bool value, string? comment = null) => Add(new FitsCard(keyword, value, comment));

    public FitsHeader Add(string keyword, long value, string? comment = null) => Add(new FitsCard(keyword, value, comment));

    public FitsHeader Add(string keyword, double value, string? comment = null) => Add(new FitsCard(keyword, value, comment));

    public FitsHeader Add(string keyword, Complex value, string? comment = null) => Add(new FitsCard(keyword, value, comment));

    /// <summary>Replaces the first card with this keyword in place (keeping its comment when none is given), or appends one.</summary>
    public FitsHeader Set(string keyword, string value, string? comment = null) => Set(keyword, (object)value, comment);

    /// <inheritdoc cref="Set(string, string, string?)"/>
    public FitsHeader Set(string keyword, bool value, string? comment = null) => Set(keyword, (object)value, comment);

    /// <inheritdoc cref="Set(string, string, string?)"/>
    public FitsHeader Set(string keyword, long value, string? comment = null) => Set(keyword, (object)value, comment);

    /// <inheritdoc cref="Set(string, string, string?)"/>
    public FitsHeader Set(string keyword, double value, string? comment = null) => Set(keyword, (object)value, comment);

    /// <summary>Adds COMMENT cards (text longer than 72 characters takes several).</summary>
    public FitsHeader AddComment(string text) => AddCommentary("COMMENT", text);

    /// <summary>Adds HISTORY cards (text longer than 72 characters takes several).</summary>
    public FitsHeader AddHistory(string text) => AddCommentary("HISTORY", text);

    public bool Contains(string keyword) => IndexOf(keyword) >= 0;

    /// <summary>The first card with this keyword, or null.</summary>
    public FitsCard? Find(string keyword)
    {
        var index = IndexOf(keyword);
        return index < 0 ? null : _cards[index];
    }

    /// <summary>Removes every card with this keyword; returns how many there were.</summary>
    public int Remove(string keyword)
    {
        var key = FitsCard.CheckKeyword(keyword, allowBlank: true);
        return _cards.RemoveAll(c => c.Keyword == key);
    }

    public string GetString(string keyword) => Get<string>(keyword, "a string");

    public bool GetBoolean(string keyword) => Get<bool>(keyword, "a logical");

    public long GetInt64(string keyword) => Get<long>(keyword, "an integer");

    /// <summary>The value of a floating-point or integer card.</summary>
    public double GetDouble(string keyword) =>
        Find(keyword)?.Value is long l ? l : Get<double>(keyword, "a number");

    public bool TryGetString(string keyword, out string value) => TryGet(keyword, out value);

    public bool TryGetBoolean(string keyword, out bool value) => TryGet(keyword, out value);

    public bool TryGetInt64(string keyword, out long value) => TryGet(keyword, out value);

    public bool TryGetDouble(string keyword, out double value)
    {
        if (Find(keyword)?.Value is long l)
        {
            value = l;
            return true;
        }

        return TryGet(keyword, out value);
    }

    /// <summary>Texts of the COMMENT cards, in order.</summary>
    public IEnumerable<string> Comments => Commentary("COMMENT");

    /// <summary>Texts of the HISTORY cards, in order.</summary>
    public IEnumerable<string> History => Commentary("HISTORY");

    public IEnumerator<FitsCard> GetEnumerator() => _cards.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private FitsHeader Set(string keyword, object value, string? comment)
    {
        var index = IndexOf(keyword);
        if (index < 0)
        {
            return Add(new FitsCard(keyword, value, comment));
        }

        _cards[index] = new FitsCard(keyword, value, comment ?? _cards[index].Comment);
        return this;
    }

    private FitsHeader AddCommentary(string keyword, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const int width = 72;
        if (text.Length == 0)
        {
            return Add(FitsCard.Commentary(keyword, ""));
        }

        for (var start = 0; start < text.Length; start += width)
        {
            Add(FitsCard.Commentary(keyword, text.Substring(start, Math.Min(width, text.Length - start))));
        }

        return this;
    }

    private IEnumerable<string> Commentary(string keyword) =>
        _cards.Where(c => c.IsCommentary && c.Keyword == keyword).Select(c => c.Comment ?? "");

    private int IndexOf(string keyword)
    {
        var key = FitsCard.CheckKeyword(keyword, allowBlank: true);
        return _cards.FindIndex(c => c.Keyword == key && !c.IsCommentary);
    }

    private T Get<T>(string keyword, string what)
    {
        var card = Find(keyword) ?? throw new KeyNotFoundException($"The header has no {keyword.ToUpperInvariant()} keyword.");
        return card.Value is T value
            ? value
            : throw new InvalidCastException($"Header keyword {card.Keyword} is {Describe(card.Value)}, not {what}.");
    }

    private bool TryGet<T>(string keyword, out T value)
    {
        if (Find(keyword)?.Value is T found)
        {
            value = found;
            return true;
        }

        value = default!;
        return false;
    }

    private static string Describe(object? value) => value switch
    {
        null => "undefined",
        string s => $"the string '{s}'",
        bool b => $"the logical {(b ? 'T' : 'F')}",
        long l => $"the integer {l}",
        double d => $"the number {d}",
        _ => value.ToString() ?? "",
    };
}
