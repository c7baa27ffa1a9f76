using System.Globalization;
using System.Numerics;
using Sdc.Formats.Fits;
using Sdc.Promotion.Reports;
using Sdc.Promotion.Settings;

namespace Sdc.Promotion.Comparison;

/// <summary>
/// Compares two headers keyword by keyword: every keyword that is not allowed to differ must be in
/// both, with equal values (numbers within the header tolerance, text and logicals exactly), and
/// the COMMENT (and, unless allowed to differ, HISTORY) texts must be the same in the same order.
/// The structural keywords are not in a <see cref="FitsHeader"/>; the HDU's shape is compared apart.
/// </summary>
internal static class HeaderComparer
{
    /// <returns>How many keywords were compared.</returns>
    public static int Compare(string location, FitsHeader candidate, FitsHeader baseline, ValidationSettings settings, List<Difference> differences)
    {
        var candidateCards = Values(candidate);
        var baselineCards = Values(baseline);
        var compared = 0;
        foreach (var keyword in baselineCards.Keys.Union(candidateCards.Keys, StringComparer.Ordinal))
        {
            if (settings.KeywordMayDiffer(keyword))
            {
                continue;
            }
            compared++;
            var inCandidate = candidateCards.TryGetValue(keyword, out var c);
            var inBaseline = baselineCards.TryGetValue(keyword, out var b);
            if (!inCandidate || !inBaseline)
            {
                differences.Add(new Difference(location, keyword, inCandidate ? Text(c) : null, inBaseline ? Text(b) : null,
                    inCandidate ? "only in candidate" : "only in baseline"));
            }
            else if (!Equal(c, b, settings.HeaderTolerance))
            {
                differences.Add(new Difference(location, keyword, Text(c), Text(b),
                    c is long or double && b is long or double ? $"values differ beyond {settings.HeaderTolerance}" : "values differ"));
            }
        }
        foreach (var commentary in new[] { "COMMENT", "HISTORY" })
        {
            if (settings.KeywordMayDiffer(commentary))
            {
                continue;
            }
            var c = Commentary(candidate, commentary);
            var b = Commentary(baseline, commentary);
            if (!c.SequenceEqual(b, StringComparer.Ordinal))
            {
                var at = Enumerable.Range(0, Math.Max(c.Count, b.Count)).First(i => i >= c.Count || i >= b.Count || c[i] != b[i]);
                differences.Add(new Difference(location, commentary, at < c.Count ? c[at] : null, at < b.Count ? b[at] : null,
                    $"{commentary} text differs from card {at + 1} on ({c.Count} in candidate, {b.Count} in baseline)"));
            }
        }
        return compared;
    }

    /// <summary>Header values for the report: text as written, logicals T/F, numbers round-trippable.</summary>
    public static string Text(object? value) => value switch
    {
        null => "(undefined)",
        string s => s,
        bool b => b ? "T" : "F",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        Complex z => string.Create(CultureInfo.InvariantCulture, $"({z.Real:R}, {z.Imaginary:R})"),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    // The first card of each keyword: a repeated value keyword is not something our products write.
    private static Dictionary<string, object?> Values(FitsHeader header)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var card in header.Where(c => !c.IsCommentary && c.Keyword.Length > 0))
        {
            values.TryAdd(card.Keyword, card.Value);
        }
        return values;
    }

    private static List<string> Commentary(FitsHeader header, string keyword) =>
        [.. header.Where(c => c.IsCommentary && c.Keyword == keyword).Select(c => c.Comment ?? "")];

    private static bool Equal(object? candidate, object? baseline, Tolerance tolerance) => (candidate, baseline) switch
    {
        (long c, long b) => c == b || tolerance.Allows(c, b),
        (long or double, long or double) => tolerance.Allows(Convert.ToDouble(candidate, CultureInfo.InvariantCulture), Convert.ToDouble(baseline, CultureInfo.InvariantCulture)),
        _ => Equals(candidate, baseline),
    };
}
