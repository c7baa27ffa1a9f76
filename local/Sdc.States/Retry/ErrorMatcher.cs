using Sdc.States.Errors;

namespace Sdc.States.Retry;

/// <summary>How an <c>ErrorEquals</c> list matches an error, wildcards included.</summary>
internal static class ErrorMatcher
{
    public static bool Matches(IReadOnlyList<string> errorEquals, StatesException error)
    {
        // States.Runtime and States.DataLimitExceeded are terminal: no retrier or catcher handles
        // them, not even one that names them (AWS-recorded behaviour).
        if (!error.IsRecoverable)
        {
            return false;
        }
        foreach (var name in errorEquals)
        {
            if (name == error.Error
                || name == StatesErrorNames.All
                || (name == StatesErrorNames.TaskFailed && !IsTimeout(error.Error))
                || (name == StatesErrorNames.Timeout && error.Error == StatesErrorNames.HeartbeatTimeout))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsTimeout(string error) =>
        error is StatesErrorNames.Timeout or StatesErrorNames.HeartbeatTimeout;
}
