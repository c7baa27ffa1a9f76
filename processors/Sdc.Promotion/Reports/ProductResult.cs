namespace Sdc.Promotion.Reports;

/// <summary>
/// One product of the reference run, matched by name without its version (the baseline's name is shown).
/// </summary>
/// <param name="Result">One of <see cref="ProductResults"/>.</param>
/// <param name="Candidate">The candidate's file name, or null when it did not make this product.</param>
/// <param name="Baseline">The baseline's file name, or null when only the candidate made it.</param>
/// <param name="Identical">Byte for byte (SHA-256) the same file.</param>
/// <param name="MaxAbsoluteDifference">Largest over every array of the product.</param>
/// <param name="MaxRelativeDifference">Largest over every array of the product.</param>
/// <param name="Differences">Everything beyond what is allowed; empty when the product matches.</param>
public sealed record ProductResult(
    string Product,
    string Result,
    string? Candidate,
    string? Baseline,
    bool Identical,
    double MaxAbsoluteDifference,
    double MaxRelativeDifference,
    IReadOnlyList<HduResult> Hdus,
    IReadOnlyList<Difference> Differences);
