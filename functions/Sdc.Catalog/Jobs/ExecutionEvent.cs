namespace Sdc.Catalog;

/// <summary>One event of an execution's history (a state entered or exited, a task failed, the execution ended).</summary>
public sealed record ExecutionEvent(int Seq, string Type, string? State, string? Detail, DateTimeOffset At);
