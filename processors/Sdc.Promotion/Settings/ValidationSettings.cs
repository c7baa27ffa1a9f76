namespace Sdc.Promotion.Settings;

/// <summary>
/// How one instrument's products are compared (<c>processors/&lt;instrument&gt;/validation.yaml</c>,
/// read by <see cref="ValidationSettingsReader"/>; every setting has a default):
/// <list type="bullet">
/// <item>data tolerances, by the most specific key that is set: <c>level:HDU/COLUMN</c>,
/// <c>HDU/COLUMN</c>, <c>level:HDU</c>, <c>HDU</c>, <c>level</c>, then <c>default</c>. HDU is the
/// EXTNAME, or PRIMARY for an unnamed first HDU; level is the product's (l1, l2).</item>
/// <item>header keywords that may differ between versions: <see cref="BuiltInMayDiffer"/> plus the
/// file's; a trailing <c>*</c> matches any keyword starting with what precedes it. Every other
/// keyword must be present in both and equal (numbers within <see cref="HeaderTolerance"/>).</item>
/// <item>quicklook pixels (PNG grey levels or RGB values) within <see cref="QuicklookTolerance"/>.</item>
/// <item>the simulated reference window (<see cref="Reference"/>).</item>
/// </list>
/// </summary>
public sealed record ValidationSettings
{
    public const string DefaultKey = "default";
    public const string PrimaryHdu = "PRIMARY";

    /// <summary>
    /// What changes whenever the processor version does, by the processor contract: the creation
    /// time (DATE), the product version, the processor's version and image, the job id, the
    /// checksums of the HDU, the MD5s of inputs that are themselves products of the version under
    /// test (Level 1 feeding Level 2), and HISTORY, where processing software records itself.
    /// </summary>
    public static IReadOnlyList<string> BuiltInMayDiffer { get; } = ["DATE", "VERSION", "PROCVER", "PROCIMG", "JOBID", "CHECKSUM", "DATASUM", "INMD5*", "HISTORY"];

    /// <summary>The file these settings came from, or "(defaults)".</summary>
    public string Source { get; init; } = "(defaults)";

    /// <summary>Relative 1e-6 (single-precision rounding), absolute 0 (integers, flags and counts must match exactly).</summary>
    public Tolerance DefaultTolerance { get; init; } = new(1e-6, 0);

    /// <summary>Tolerances by key (see the class summary), <see cref="DefaultKey"/> excluded.</summary>
    public IReadOnlyDictionary<string, Tolerance> Tolerances { get; init; } = new Dictionary<string, Tolerance>(StringComparer.Ordinal);

    /// <summary>Numeric header values: exact by default.</summary>
    public Tolerance HeaderTolerance { get; init; } = Tolerance.Exact;

    /// <summary>One grey level: a percentile stretch may round a value within tolerance to the next level.</summary>
    public Tolerance QuicklookTolerance { get; init; } = new(0, 1);

    /// <summary>Keywords (or PREFIX*) that may differ: <see cref="BuiltInMayDiffer"/> and the file's.</summary>
    public IReadOnlyList<string> MayDiffer { get; init; } = BuiltInMayDiffer;

    public ReferenceWindow Reference { get; init; } = ReferenceWindow.Default;

    public static ValidationSettings Defaults { get; } = new();

    /// <summary>The tolerance for the data of an HDU (or one of its table columns) in a product of <paramref name="level"/>.</summary>
    public Tolerance ToleranceFor(string level, string hdu, string? column = null)
    {
        IEnumerable<string> keys = column is null
            ? [$"{level}:{hdu}", hdu, level]
            : [$"{level}:{hdu}/{column}", $"{hdu}/{column}", $"{level}:{hdu}", hdu, level];
        foreach (var key in keys)
        {
            if (Tolerances.TryGetValue(key, out var tolerance))
            {
                return tolerance;
            }
        }
        return DefaultTolerance;
    }

    /// <summary>True when <paramref name="keyword"/> is allowed to differ between candidate and baseline.</summary>
    public bool KeywordMayDiffer(string keyword) =>
        MayDiffer.Any(pattern => pattern.EndsWith('*')
            ? keyword.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : keyword == pattern);
}
