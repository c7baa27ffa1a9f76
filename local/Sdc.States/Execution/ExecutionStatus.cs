namespace Sdc.States.Execution;

/// <summary>An execution's status, as Step Functions names them.</summary>
public enum ExecutionStatus
{
    Running,
    Succeeded,
    Failed,
    TimedOut,
    Aborted,
}
