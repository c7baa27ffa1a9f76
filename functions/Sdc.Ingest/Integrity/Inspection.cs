namespace Sdc.Ingest.Integrity;

/// <summary>
/// What one pass over a file found: its size and checksums (always, so a quarantine reason can
/// show them), the first failed check if any, the time range its packets cover, and remarks
/// that do not refuse the file (sequence gaps).
/// </summary>
public sealed record Inspection(
    long Size,
    string Md5,
    string Sha256,
    CheckFailure? Failure,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    IReadOnlyList<string> Remarks)
{
    public bool Passed => Failure is null;
}
