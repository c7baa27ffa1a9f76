namespace Sdc.Pipeline;

/// <summary>The RecordFailure task's input: the job and the error the state machine caught (name and cause, as Step Functions gives them).</summary>
public sealed record JobFailure(long JobId, string? Error, string? Cause);
