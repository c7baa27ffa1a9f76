namespace Sdc.Promotion.Reports;

/// <summary>
/// The outcome of <c>sdc processors validate</c>, kept in the archive at
/// <c>validation/&lt;instrument&gt;/&lt;candidate version&gt;.json</c>; promotion requires one that
/// <see cref="Passed"/> for the very release staging names (version and digest).
/// </summary>
/// <param name="Schema">The report format's version (<see cref="CurrentSchema"/>).</param>
/// <param name="Passed">Every job of both processors succeeded and every product matches: <see cref="Problems"/> is empty.</param>
/// <param name="Problems">Why it did not pass, one sentence each.</param>
public sealed record ValidationReport(
    int Schema,
    string Instrument,
    bool Passed,
    ReleaseUnderTest Candidate,
    ReleaseUnderTest Baseline,
    ReferenceSummary Reference,
    SettingsSummary Settings,
    ReportSummary Summary,
    IReadOnlyList<string> Problems,
    IReadOnlyList<RunRecord> Runs,
    IReadOnlyList<ProductResult> Products,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt)
{
    public const int CurrentSchema = 1;
}
