namespace Sdc.Catalog;

/// <summary>A job's status, PROBA2-style. Stored upper-case (TIMED_OUT with an underscore) in <c>jobs.status</c>.</summary>
public enum JobStatus
{
    Scheduled,
    Processing,
    Ok,
    Warning,
    Error,
    TimedOut,
}
