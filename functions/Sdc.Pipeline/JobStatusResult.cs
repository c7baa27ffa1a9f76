using Sdc.Catalog;

namespace Sdc.Pipeline;

/// <summary>The RecordFailure task's output: the status it gave the job.</summary>
public sealed record JobStatusResult(long JobId, JobStatus Status);
