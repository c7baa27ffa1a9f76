using System.Globalization;
using Sdc.Formats.Fits;

namespace Sdc.Ingest.Indexing;

/// <summary>
/// The facts a FITS product's primary header states about itself (SDC provenance keywords and
/// the time range), compared with what <c>outputs.json</c> says: the two must agree for the
/// product to be indexed.
/// </summary>
internal static class ProductHeader
{
    /// <summary>Header times are written to the second or millisecond; closer than this counts as the same time.</summary>
    private static readonly TimeSpan TimeTolerance = TimeSpan.FromSeconds(1);

    /// <summary>The first disagreement, or null when the header agrees (or is silent) on every point.</summary>
    public static string? Disagreement(FitsHeader header, OutputProduct product)
    {
        var checks = new (string Keyword, string Expected)[]
        {
            ("INSTRUME", product.Instrument.ToUpperInvariant()),
            ("LEVEL", product.Level.ToUpperInvariant()),
            ("VERSION", product.Version),
        };
        foreach (var (keyword, expected) in checks)
        {
            if (header.TryGetString(keyword, out var actual) && !string.Equals(actual.Trim(), expected, StringComparison.OrdinalIgnoreCase))
            {
                return $"header {keyword} = '{actual}', outputs.json says '{expected}'";
            }
        }
        var (start, end) = TimeRange(header);
        if (start is { } s && (s - product.Start).Duration() > TimeTolerance)
        {
            return $"header starts {s:O}, outputs.json says {product.Start:O}";
        }
        if (end is { } e && (e - product.End).Duration() > TimeTolerance)
        {
            return $"header ends {e:O}, outputs.json says {product.End:O}";
        }
        return null;
    }

    /// <summary>DATE-BEG (or DATE-OBS) and DATE-END, when the header has them.</summary>
    public static (DateTimeOffset? Start, DateTimeOffset? End) TimeRange(FitsHeader header) =>
        (Time(header, "DATE-BEG") ?? Time(header, "DATE-OBS"), Time(header, "DATE-END"));

    private static DateTimeOffset? Time(FitsHeader header, string keyword) =>
        header.TryGetString(keyword, out var text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
}
