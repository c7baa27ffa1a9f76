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
    DateTimeOffset? FinishedAt)
{
    public int? Stage { get; init; }

    public string? Definition { get; init; }

    public string? OutputPrefix { get; init; }

    public string? Spec { get; init; }

    public int? ExitCode { get; init; }

    public string? StatusReason { get; init; }

    /// <summary>When the processor's process stopped; with <see cref="StartedAt"/>, the processor's own time.</summary>
    public DateTimeOffset? ProcessorStoppedAt { get; init; }

    /// <summary>True for OK and WARNING: the job's products were made.</summary>
    public bool Succeeded => Status is JobStatus.Ok or JobStatus.Warning;
}
