namespace Sdc.Mission;

/// <summary>
/// One dependency rule: files of level <see cref="From"/> become <see cref="Produces"/>, given
/// kernels of the listed types covering the input's time range and the listed calibration files.
/// </summary>
public sealed record ProcessingStep(
    string From,
    IReadOnlyList<string> Produces,
    IReadOnlyList<string> Kernels,
    IReadOnlyList<string> Calibration)
{
    /// <summary>Other data sources whose files of the same level and time the step also reads (e.g. spacecraft housekeeping).</summary>
    public IReadOnlyList<string> With { get; init; } = [];
}
