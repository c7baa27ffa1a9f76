namespace Sdc.Ingest.Quarantine;

/// <summary>
/// The machine-readable <c>&lt;name&gt;.reason.json</c> beside a quarantined file: which check
/// failed (its code and words), what was expected and found, and the file's checksums as received.
/// </summary>
public sealed record QuarantineReason(
    string File,
    string Source,
    string Check,
    string Code,
    string Expected,
    string Actual,
    string Message,
    DateTimeOffset QuarantinedAt,
    string? Delivery,
    long? Size,
    string? Md5,
    string? Sha256);
