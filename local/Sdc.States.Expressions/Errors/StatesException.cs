namespace Sdc.States.Errors;

/// <summary>
/// An error as Step Functions names it: an error name that <c>Retry</c> and <c>Catch</c> match
/// against <c>ErrorEquals</c>, and a human-readable cause. Predefined <c>States.*</c> errors have a
/// subclass each; a task's own error (e.g. a Lambda's exception class name) uses this type directly.
/// </summary>
public class StatesException : Exception
{
    public StatesException(string error, string? cause)
        : base(cause is null ? error : $"{error}: {cause}")
    {
        Error = error;
        Cause = cause;
    }

    public string Error { get; }

    public string? Cause { get; }

    /// <summary>
    /// False for the errors that no retrier or catcher may handle. AWS documents that
    /// <c>States.Runtime</c> is never retried or caught, even by a catcher naming it, and
    /// <c>States.DataLimitExceeded</c> likewise is terminal.
    /// </summary>
    public virtual bool IsRecoverable => true;
}
