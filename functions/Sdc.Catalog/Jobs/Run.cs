namespace Sdc.Catalog;

/// <summary>One execution of the pipeline: what started it (its input), how it ended (its summary). Times are UTC.</summary>
public sealed record Run(
    long Id,
    string ExecutionName,
    string? ManifestKey,
    RunKind Kind,
    RunStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string? Input = null,
    string? Summary = null);
