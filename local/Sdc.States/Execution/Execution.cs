using System.Text.Json.Nodes;
using Sdc.States.History;

namespace Sdc.States.Execution;

/// <summary>One run of a state machine: its status, output or error, and history.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The abort source is disposed when the execution finishes; an execution is not a resource its callers own.")]
public sealed class Execution
{
    private readonly HistoryRecorder _history;
    private readonly TaskCompletionSource<Execution> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _abort = new();

    internal Execution(string name, string arn, JsonNode? input, DateTimeOffset startDate, HistoryRecorder history)
    {
        Name = name;
        Arn = arn;
        Input = input;
        StartDate = startDate;
        _history = history;
    }

    public string Name { get; }

    public string Arn { get; }

    public JsonNode? Input { get; }

    public DateTimeOffset StartDate { get; }

    public DateTimeOffset? StopDate { get; private set; }

    public ExecutionStatus Status { get; private set; } = ExecutionStatus.Running;

    public JsonNode? Output { get; private set; }

    public string? Error { get; private set; }

    public string? Cause { get; private set; }

    /// <summary>The events recorded so far, oldest first.</summary>
    public IReadOnlyList<HistoryEvent> History => _history.Snapshot();

    /// <summary>Completes when the execution stops, whatever its status.</summary>
    public Task<Execution> Completion => _completion.Task;

    internal CancellationToken AbortToken => _abort.Token;

    internal HistoryRecorder Recorder => _history;

    /// <summary>Stops a running execution (StopExecution): its status becomes Aborted.</summary>
    public void Abort()
    {
        lock (_abort)
        {
            if (Status == ExecutionStatus.Running)
            {
                _abort.Cancel();
            }
        }
    }

    internal void Finish(ExecutionStatus status, DateTimeOffset at, JsonNode? output = null, string? error = null, string? cause = null)
    {
        Status = status;
        StopDate = at;
        Output = output;
        Error = error;
        Cause = cause;
        lock (_abort)
        {
            _abort.Dispose();
        }
        _completion.TrySetResult(this);
    }
}
