namespace Sdc.Promotion.Reports;

/// <summary>
/// One way a candidate's product differs from the baseline's beyond what is allowed.
/// </summary>
/// <param name="Location">Where: "outputs.json", "file", "HDU 1 (QUALITY)", "image".</param>
/// <param name="Item">What: a header keyword, "structure", "data", a column, a metadata field.</param>
/// <param name="Candidate">The candidate's value, or null when it has none.</param>
/// <param name="Baseline">The baseline's value, or null when it has none.</param>
/// <param name="Problem">In words, e.g. "only in baseline", "12 of 16384 values outside relative 1E-06, absolute 0".</param>
public sealed record Difference(string Location, string Item, string? Candidate, string? Baseline, string Problem)
{
    public override string ToString() =>
        $"{Location} {Item}: {Problem}" + (Candidate is null && Baseline is null ? "" : $" (candidate {Candidate ?? "-"}, baseline {Baseline ?? "-"})");
}
