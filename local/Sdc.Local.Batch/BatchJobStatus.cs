namespace Sdc.Local.Batch;

/// <summary>How a job ended. AWS Batch has no TIMED_OUT status (a timed-out job is FAILED with a reason); the SDC's catalog does, so it is a status of its own here.</summary>
public enum BatchJobStatus
{
    Succeeded,
    Failed,
    TimedOut,
}
