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

    public static string Of(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Waiting => "WAITING",
        DeliveryStatus.Complete => "COMPLETE",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown delivery status."),
    };

    public static DeliveryStatus ToDeliveryStatus(string text) => text switch
    {
        "WAITING" => DeliveryStatus.Waiting,
        "COMPLETE" => DeliveryStatus.Complete,
        _ => throw new InvalidOperationException($"Unknown deliveries.status '{text}' in the catalog."),
    };

    public static string Of(DeliveryFileOutcome outcome) => outcome switch
    {
        DeliveryFileOutcome.Archived => "ARCHIVED",
        DeliveryFileOutcome.Duplicate => "DUPLICATE",
        DeliveryFileOutcome.Conflict => "CONFLICT",
        DeliveryFileOutcome.Quarantined => "QUARANTINED",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown delivery file outcome."),
    };

    public static DeliveryFileOutcome? ToDeliveryFileOutcome(string? text) => text switch
    {
        null => null,
        "ARCHIVED" => DeliveryFileOutcome.Archived,
        "DUPLICATE" => DeliveryFileOutcome.Duplicate,
        "CONFLICT" => DeliveryFileOutcome.Conflict,
        "QUARANTINED" => DeliveryFileOutcome.Quarantined,
        _ => throw new InvalidOperationException($"Unknown delivery_files.outcome '{text}' in the catalog."),
    };

    public static string Of(FileProblemKind problem) => problem switch
    {
        FileProblemKind.Lost => "LOST",
        FileProblemKind.SizeMismatch => "SIZE_MISMATCH",
        FileProblemKind.ChecksumMismatch => "CHECKSUM_MISMATCH",
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "Unknown file problem."),
    };

    public static FileProblemKind ToFileProblemKind(string text) => text switch
    {
        "LOST" => FileProblemKind.Lost,
        "SIZE_MISMATCH" => FileProblemKind.SizeMismatch,
        "CHECKSUM_MISMATCH" => FileProblemKind.ChecksumMismatch,
        _ => throw new InvalidOperationException($"Unknown file_problems.problem '{text}' in the catalog."),
    };

    public static string Of(RunKind value) => value switch
    {
        RunKind.Delivery => "delivery",
        RunKind.Reprocessing => "reprocessing",
        RunKind.Manual => "manual",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown RunKind."),
    };

    public static RunKind ToRunKind(string text) => text switch
    {
        "delivery" => RunKind.Delivery,
        "reprocessing" => RunKind.Reprocessing,
        "manual" => RunKind.Manual,
        _ => throw new InvalidOperationException($"Unknown runs.kind '{text}' in the catalog."),
    };

    public static string Of(RunStatus value) => value switch
    {
        RunStatus.Running => "RUNNING",
        RunStatus.Ok => "OK",
        RunStatus.Warning => "WARNING",
        RunStatus.Error => "ERROR",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown RunStatus."),
    };

    public static RunStatus ToRunStatus(string text) => text switch
    {
        "RUNNING" => RunStatus.Running,
        "OK" => RunStatus.Ok,
        "WARNING" => RunStatus.Warning,
        "ERROR" => RunStatus.Error,
        _ => throw new InvalidOperationException($"Unknown runs.status '{text}' in the catalog."),
    };

    public static string Of(JobStatus value) => value switch
    {
        JobStatus.Scheduled => "SCHEDULED",
        JobStatus.Processing => "PROCESSING",
        JobStatus.Ok => "OK",
        JobStatus.Warning => "WARNING",
        JobStatus.Error => "ERROR",
        JobStatus.TimedOut => "TIMED_OUT",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown JobStatus."),
    };

    public static JobStatus ToJobStatus(string text) => text switch
    {
        "SCHEDULED" => JobStatus.Scheduled,
        "PROCESSING" => JobStatus.Processing,
        "OK" => JobStatus.Ok,
        "WARNING" => JobStatus.Warning,
        "ERROR" => JobStatus.Error,
        "TIMED_OUT" => JobStatus.TimedOut,
        _ => throw new InvalidOperationException($"Unknown jobs.status '{text}' in the catalog."),
    };

    public static string Of(MessageSeverity value) => value switch
    {
        MessageSeverity.Info => "INFO",
        MessageSeverity.Warning => "WARNING",
        MessageSeverity.Error => "ERROR",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown MessageSeverity."),
    };

    public static MessageSeverity ToMessageSeverity(string text) => text switch
    {
        "INFO" => MessageSeverity.Info,
        "WARNING" => MessageSeverity.Warning,
        "ERROR" => MessageSeverity.Error,
        _ => throw new InvalidOperationException($"Unknown job_messages.severity '{text}' in the catalog."),
    };

    public static string Of(ProcessorStage value) => value switch
    {
        ProcessorStage.Staging => "staging",
        ProcessorStage.Production => "production",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown ProcessorStage."),
    };

    public static ProcessorStage ToProcessorStage(string text) => text switch
    {
        "staging" => ProcessorStage.Staging,
        "production" => ProcessorStage.Production,
        _ => throw new InvalidOperationException($"Unknown processor_versions.stage '{text}' in the catalog."),
    };
}
