namespace Sdc.Pipeline;

/// <summary>The Summarize task's input: the execution, and the planner's error when planning itself failed.</summary>
public sealed record RunSummaryRequest(string Execution, string? Error = null, string? Cause = null);
