namespace Sdc.Catalog.Engines;

/// <summary>
/// The text the catalog stores for its enums: explicit, so renaming a C# member can never
/// change (or orphan) a stored value. Kinds and roles are lower-case like instruments and
/// levels; statuses upper-case like job statuses.
/// </summary>
internal static class DbText
{
    public static string Of(FileKind kind) => kind switch
    {
        FileKind.Science => "science",
        FileKind.Housekeeping => "housekeeping",
        FileKind.Kernel => "kernel",
        FileKind.Calibration => "calibration",
        FileKind.Product => "product",
        FileKind.Quicklook => "quicklook",
        FileKind.Log => "log",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown file kind."),
    };

    public static string Of(FileStatus status) => status switch
    {
        FileStatus.Archived => "ARCHIVED",
        FileStatus.Quarantined => "QUARANTINED",
        FileStatus.Withdrawn => "WITHDRAWN",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown file status."),
    };

    public static string Of(LineageRole role) => role switch
    {
        LineageRole.Input => "input",
        LineageRole.Kernel => "kernel",
        LineageRole.Calibration => "calibration",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown lineage role."),
    };

    public static FileKind ToFileKind(string text) => text switch
    {
        "science" => FileKind.Science,
        "housekeeping" => FileKind.Housekeeping,
        "kernel" => FileKind.Kernel,
        "calibration" => FileKind.Calibration,
        "product" => FileKind.Product,
        "quicklook" => FileKind.Quicklook,
        "log" => FileKind.Log,
        _ => throw new InvalidOperationException($"Unknown files.kind '{text}' in the catalog."),
    };

    public static FileStatus ToFileStatus(string text) => text switch
    {
        "ARCHIVED" => FileStatus.Archived,
        "QUARANTINED" => FileStatus.Quarantined,
        "WITHDRAWN" => FileStatus.Withdrawn,
        _ => throw new InvalidOperationException($"Unknown files.status '{text}' in the catalog."),
    };

    public static LineageRole ToLineageRole(string text) => text switch
    {
        "input" => LineageRole.Input,
        "kernel" => LineageRole.Kernel,
        "calibration" => LineageRole.Calibration,
        _ => throw new InvalidOperationException($"Unknown lineage.role '{text}' in the catalog."),
    };
}
