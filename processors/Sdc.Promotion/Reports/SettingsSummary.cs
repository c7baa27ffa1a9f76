using Sdc.Promotion.Settings;

namespace Sdc.Promotion.Reports;

/// <summary>The comparison settings a validation used (so a report can be judged without the file it came from).</summary>
public sealed record SettingsSummary(
    string Source,
    Tolerance DefaultTolerance,
    IReadOnlyDictionary<string, Tolerance> Tolerances,
    Tolerance HeaderTolerance,
    Tolerance QuicklookTolerance,
    IReadOnlyList<string> MayDiffer)
{
    public static SettingsSummary Of(ValidationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.Source, settings.DefaultTolerance, new SortedDictionary<string, Tolerance>(settings.Tolerances.ToDictionary(), StringComparer.Ordinal),
            settings.HeaderTolerance, settings.QuicklookTolerance, settings.MayDiffer);
    }
}
