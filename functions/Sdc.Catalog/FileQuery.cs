namespace Sdc.Catalog;

/// <summary>
/// A product search. Every filter is optional; results are ordered by (start time, id) and only
/// files with a time range are searched. The time window is half-open, [<see cref="From"/>,
/// <see cref="To"/>): a file overlaps it when it starts before <c>To</c> and ends after
/// <c>From</c> (so ranges that only touch do not overlap); a zero-length file at <c>t</c>
/// matches when <c>From &lt;= t &lt; To</c>.
/// </summary>
public sealed record FileQuery
{
    public const int MaxLimit = 1000;

    public string? Instrument { get; init; }

    public string? Level { get; init; }

    public string? Descriptor { get; init; }

    public int? Orbit { get; init; }

    public FileKind? Kind { get; init; }

    /// <summary>Any of these kinds (with <see cref="Kind"/>, both must hold); null or empty for all.</summary>
    public IReadOnlyList<FileKind>? Kinds { get; init; }

    /// <summary>
    /// Only files some release made public; <see cref="VersionSelection.Latest"/> then means the
    /// highest <em>released</em> version of each product (a newer unreleased one stays hidden).
    /// </summary>
    public bool ReleasedOnly { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public VersionSelection Versions { get; init; } = VersionSelection.Latest;

    /// <summary>Page size, 1 to <see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 100;

    /// <summary>The <see cref="FilePage.NextCursor"/> of the previous page, or null for the first.</summary>
    public string? Cursor { get; init; }
}
