namespace Sdc.Catalog;

/// <summary>One execution of the pipeline. Times are UTC.</summary>
public sealed record Run(long Id, string ExecutionName, string? ManifestKey, RunKind Kind, RunStatus Status, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt);
