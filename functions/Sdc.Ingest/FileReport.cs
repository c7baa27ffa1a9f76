namespace Sdc.Ingest;

/// <summary>
/// The outcome for one inbox object, with its message code and text, where it went, and the
/// manifest it completed (if handling it completed one).
/// </summary>
public sealed record FileReport(
    string Key,
    string FileName,
    IngestOutcome Outcome,
    string Code,
    string Message,
    string? Destination = null,
    string? ManifestKey = null);
