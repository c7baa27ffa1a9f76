namespace Sdc.Catalog;

/// <summary>A row of the <c>jobs</c> table. Times are UTC.</summary>
public sealed record Job(
    long Id,
    long RunId,
    string IdentityHash,
    string Instrument,
    string Level,
    long ProcessorVersionId,
    string Queue,
    JobStatus Status,
    int Attempts,
    string? LogKey,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt);
