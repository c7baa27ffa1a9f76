namespace Sdc.States.Errors;

/// <summary>The error names Step Functions predefines, as they appear in <c>ErrorEquals</c>.</summary>
public static class StatesErrorNames
{
    /// <summary>Matches every error name in a retrier or catcher (but never <c>States.Runtime</c>).</summary>
    public const string All = "States.ALL";
    public const string Runtime = "States.Runtime";
    public const string TaskFailed = "States.TaskFailed";
    public const string Timeout = "States.Timeout";
    public const string HeartbeatTimeout = "States.HeartbeatTimeout";
    public const string ResultPathMatchFailure = "States.ResultPathMatchFailure";
    public const string ParameterPathFailure = "States.ParameterPathFailure";
    public const string IntrinsicFailure = "States.IntrinsicFailure";
    public const string BranchFailed = "States.BranchFailed";
    public const string NoChoiceMatched = "States.NoChoiceMatched";
    public const string ExceedToleratedFailureThreshold = "States.ExceedToleratedFailureThreshold";
    public const string DataLimitExceeded = "States.DataLimitExceeded";
    public const string Permissions = "States.Permissions";

    /// <summary>True for a name that starts with "States." (reserved for Step Functions' own errors).</summary>
    public static bool IsPredefined(string name) => name.StartsWith("States.", StringComparison.Ordinal);
}
