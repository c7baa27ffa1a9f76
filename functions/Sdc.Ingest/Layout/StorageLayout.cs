using System.Globalization;
using Sdc.Mission;

namespace Sdc.Ingest.Layout;

/// <summary>
/// Canonical keys, derived from file names alone so that any component (integrity, indexer,
/// planner, reconciler, API) finds a file from its name without asking anyone:
/// <list type="bullet">
/// <item>Level 0: <c>archive:l0/&lt;instrument&gt;/&lt;yyyy&gt;/&lt;MM&gt;/&lt;dd&gt;/&lt;name&gt;</c></item>
/// <item>products and quicklooks: <c>products:&lt;instrument&gt;/&lt;level&gt;/&lt;yyyy&gt;/&lt;MM&gt;/&lt;dd&gt;/&lt;name&gt;</c></item>
/// <item>kernels: <c>archive:kernels/&lt;type&gt;/&lt;name&gt;</c>; calibration: <c>archive:calibration/&lt;instrument&gt;/&lt;name&gt;</c></item>
/// <item>delivery records: <c>archive:deliveries/&lt;yyyy&gt;/&lt;MM&gt;/&lt;dd&gt;/&lt;name&gt;</c></item>
/// </list>
/// Prefixes that hold no catalogued files: <c>archive:quarantine/</c>, <c>archive:manifests/</c>, <c>archive:requests/</c>,
/// <c>archive:deliveries/</c>, <c>archive:reports/</c>, <c>archive:validation/</c>, <c>products:jobs/</c> and <c>products:uploads/</c>.
/// </summary>
public static class StorageLayout
{
    public const string QuarantinePrefix = "quarantine/";
    public const string ManifestPrefix = "manifests/";
    public const string DeliveryPrefix = "deliveries/";
    public const string ReportPrefix = "reports/";
    public const string JobOutputPrefix = "jobs/";
    public const string UploadPrefix = "uploads/";

    /// <summary><c>archive:validation/&lt;instrument&gt;/&lt;version&gt;.json</c>: processor validation reports, which promotion requires.</summary>
    public const string ValidationPrefix = "validation/";

    /// <summary>
    /// <c>archive:requests/</c>: reprocessing requests made through the API. Like a manifest, an
    /// object written here starts one execution (EventBridge rule on AWS, the same route locally).
    /// </summary>
    public const string RequestPrefix = "requests/";
    public const string ReasonSuffix = ".reason.json";

    /// <summary>Prefixes of objects that are bookkeeping, not catalogued files (the reconciler skips them).</summary>
    public static IReadOnlyList<(string Bucket, string Prefix)> Uncatalogued { get; } =
    [
        (Buckets.Archive, QuarantinePrefix), (Buckets.Archive, ManifestPrefix), (Buckets.Archive, RequestPrefix), (Buckets.Archive, DeliveryPrefix),
        (Buckets.Archive, ReportPrefix), (Buckets.Archive, ValidationPrefix), (Buckets.Products, JobOutputPrefix), (Buckets.Products, UploadPrefix),
    ];

    public static bool IsCatalogued(string bucket, string key) =>
        !Uncatalogued.Any(u => u.Bucket == bucket && key.StartsWith(u.Prefix, StringComparison.Ordinal));

    /// <summary>The canonical location of a file named <paramref name="fileName"/> with the parsed fields <paramref name="name"/>.</summary>
    public static ArchiveLocation For(MissionFileName name, string fileName)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Kind switch
        {
            FileNameKind.Product when name.Level == "l0" =>
                new(Buckets.Archive, $"l0/{name.Instrument}/{Day(name.Start!.Value)}/{fileName}"),
            FileNameKind.Product =>
                new(Buckets.Products, $"{name.Instrument}/{name.Level}/{Day(name.Start!.Value)}/{fileName}"),
            FileNameKind.Kernel => new(Buckets.Archive, $"kernels/{name.KernelType}/{fileName}"),
            FileNameKind.Calibration => new(Buckets.Archive, $"calibration/{name.Instrument}/{fileName}"),
            FileNameKind.Delivery => new(Buckets.Archive, $"{DeliveryPrefix}{Day(name.Start!.Value)}/{fileName}"),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name.Kind, "No canonical location for this kind of file."),
        };
    }

    /// <summary>Where a quarantined file goes, by the UTC day it was quarantined.</summary>
    public static string QuarantineKey(DateTimeOffset at, string fileName) =>
        $"{QuarantinePrefix}{at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{fileName}";

    public static string ManifestKey(DateTimeOffset created, string manifestId) =>
        $"{ManifestPrefix}{Day(created.UtcDateTime)}/{manifestId}.json";

    /// <summary>The last segment of a key: the file name.</summary>
    public static string FileNameOf(string key) => key[(key.LastIndexOf('/') + 1)..];

    /// <summary>The folder part of a key, with its trailing slash ("" at the top).</summary>
    public static string FolderOf(string key) => key[..(key.LastIndexOf('/') + 1)];

    private static string Day(DateTime time) => time.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture);
}
