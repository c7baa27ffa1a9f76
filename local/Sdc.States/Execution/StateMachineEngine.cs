using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Sdc.States.Errors;
using Sdc.States.History;
using Sdc.States.Tasks;

namespace Sdc.States.Execution;

/// <summary>
/// Runs executions of one state machine, like Step Functions' StartExecution: names are unique,
/// so starting again with a used name returns the first execution instead of running twice. Every
/// Task resource must have a handler before anything runs.
/// </summary>
public sealed class StateMachineEngine
{
    private readonly StateMachine _machine;
    private readonly EngineOptions _options;
    private readonly TaskTokens _tokens = new();
    private readonly ConcurrentDictionary<string, Execution> _executions = new(StringComparer.Ordinal);

    public StateMachineEngine(StateMachine machine, EngineOptions options)
    {
        _machine = machine;
        _options = options;
        var unknown = machine.TaskResources().Where(t => !options.Resources.IsKnown(t.Resource)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException("No handler is registered for these Task resources: " +
                string.Join("; ", unknown.Select(u => $"state '{u.State}': {u.Resource}")), nameof(options));
        }
    }

    public IReadOnlyCollection<Execution> Executions => _executions.Values.ToList();

    public Execution? Find(string name) => _executions.GetValueOrDefault(name);

    /// <summary>
    /// Starts an execution (or returns the existing one of that name). The execution runs in the
    /// background; await <see cref="Execution.Completion"/> for its end.
    /// </summary>
    public Execution Start(JsonNode? input, string? name = null, CancellationToken cancellationToken = default)
    {
        name ??= Guid.NewGuid().ToString();
        var created = false;
        var execution = _executions.GetOrAdd(name, n =>
        {
            created = true;
            var recorder = new HistoryRecorder(n, _options.Clock, _options.HistoryListener);
            return new Execution(n, _options.ExecutionArn(n), input, _options.Clock.UtcNow, recorder);
        });
        if (created)
        {
            _ = Task.Run(() => RunAsync(execution, input, cancellationToken), CancellationToken.None);
        }
        return execution;
    }

    /// <summary>Starts an execution and waits for it to stop.</summary>
    public Task<Execution> RunAsync(JsonNode? input, string? name = null, CancellationToken cancellationToken = default) =>
        Start(input, name, cancellationToken).Completion;

    /// <summary>SendTaskSuccess: completes the <c>.waitForTaskToken</c> task waiting on <paramref name="taskToken"/>.</summary>
    public bool SendTaskSuccess(string taskToken, JsonNode? output) => _tokens.Succeed(taskToken, output);

    public bool SendTaskFailure(string taskToken, string error, string? cause) => _tokens.Fail(taskToken, error, cause);

    public bool SendTaskHeartbeat(string taskToken) => _tokens.Heartbeat(taskToken);

    private async Task RunAsync(Execution execution, JsonNode? input, CancellationToken cancellationToken)
    {
        var clock = _options.Clock;
        var recorder = execution.Recorder;
        var scope = new ExecutionScope(execution.Name, input, execution.StartDate, _options, _tokens, recorder);
        using var timeout = _machine.TimeoutSeconds is { } seconds ? clock.CreateTimeout(TimeSpan.FromSeconds(seconds)) : null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, execution.AbortToken, timeout?.Token ?? CancellationToken.None);
        recorder.Record("ExecutionStarted", input: input);
        try
        {
            var output = await GraphRunner.RunAsync(_machine.Graph, input, scope, stop.Token);
            recorder.Record("ExecutionSucceeded", output: output);
            execution.Finish(ExecutionStatus.Succeeded, clock.UtcNow, output: output);
        }
        catch (StatesException error)
        {
            recorder.Record("ExecutionFailed", error: error.Error, cause: error.Cause);
            execution.Finish(ExecutionStatus.Failed, clock.UtcNow, error: error.Error, cause: error.Cause);
        }
        catch (OperationCanceledException) when (timeout?.IsCancellationRequested == true)
        {
            var cause = $"The execution ran longer than its TimeoutSeconds ({_machine.TimeoutSeconds}).";
            recorder.Record("ExecutionTimedOut", error: StatesErrorNames.Timeout, cause: cause);
            execution.Finish(ExecutionStatus.TimedOut, clock.UtcNow, error: StatesErrorNames.Timeout, cause: cause);
        }
        catch (OperationCanceledException)
        {
            recorder.Record("ExecutionAborted");
            execution.Finish(ExecutionStatus.Aborted, clock.UtcNow);
        }
        catch (Exception error)
        {
            // An interpreter bug or a host failure: the execution still ends, visibly.
            recorder.Record("ExecutionFailed", error: StatesErrorNames.Runtime, cause: error.ToString());
            execution.Finish(ExecutionStatus.Failed, clock.UtcNow, error: StatesErrorNames.Runtime, cause: $"{error.GetType().Name}: {error.Message}");
        }
    }
}
