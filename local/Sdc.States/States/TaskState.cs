using System.Globalization;
using System.Text.Json.Nodes;
using Sdc.States.Errors;
using Sdc.States.Execution;
using Sdc.States.Expressions;
using Sdc.States.Tasks;

namespace Sdc.States.States;

/// <summary>
/// Task: hands its effective input to the host's handler for its Resource and waits for the result,
/// within TimeoutSeconds; with <c>.waitForTaskToken</c> it then waits for someone to send the
/// token back, with heartbeats no further apart than HeartbeatSeconds.
/// </summary>
internal sealed class TaskState : RecoverableState
{
    private readonly PayloadTemplate? _parameters;
    private readonly int? _timeoutSeconds;
    private readonly JsonPath? _timeoutSecondsPath;
    private readonly int? _heartbeatSeconds;
    private readonly JsonPath? _heartbeatSecondsPath;

    public TaskState(string name, JsonObject json)
        : base(name, json)
    {
        Resource = json["Resource"]!.GetValue<string>();
        _parameters = json.TryGetPropertyValue("Parameters", out var parameters) ? PayloadTemplate.Compile(parameters) : null;
        _timeoutSeconds = json["TimeoutSeconds"]?.GetValue<int>();
        _timeoutSecondsPath = json["TimeoutSecondsPath"] is { } timeoutPath ? JsonPath.Parse(timeoutPath.GetValue<string>()) : null;
        _heartbeatSeconds = json["HeartbeatSeconds"]?.GetValue<int>();
        _heartbeatSecondsPath = json["HeartbeatSecondsPath"] is { } heartbeatPath ? JsonPath.Parse(heartbeatPath.GetValue<string>()) : null;
    }

    public string Resource { get; }

    protected override JsonNode? EffectiveInput(JsonNode? input, StateContext context) => InputPath.Apply(input, Name);

    protected override async Task<JsonNode?> AttemptAsync(JsonNode? stateInput, StateContext context, CancellationToken cancellationToken)
    {
        var scope = context.Scope;
        var waitForToken = TaskResourceRegistry.IsWaitForTaskToken(Resource);
        var waiter = waitForToken ? scope.Tokens.Issue() : null;
        try
        {
            var parameters = _parameters is null ? stateInput : _parameters.Evaluate(stateInput, context.ContextObject(waiter?.Token));
            var timeout = Seconds(_timeoutSeconds, _timeoutSecondsPath, stateInput, "TimeoutSecondsPath");
            var heartbeat = Seconds(_heartbeatSeconds, _heartbeatSecondsPath, stateInput, "HeartbeatSecondsPath");
            var handler = scope.Options.Resources.Find(Resource)
                ?? throw new StatesRuntimeException($"No handler is registered for resource '{Resource}' (state '{Name}').");

            scope.History.Record("TaskScheduled", Name, input: parameters, resource: Resource);
            using var timeoutSource = timeout is { } t ? scope.Options.Clock.CreateTimeout(TimeSpan.FromSeconds(t)) : null;
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource?.Token ?? CancellationToken.None);
            var invocation = new TaskInvocation(TaskResourceRegistry.StripWaitForTaskToken(Resource), parameters, Name, scope.Name,
                waiter?.Token, context.RetryCount, timeout);
            try
            {
                scope.History.Record("TaskStarted", Name, resource: Resource);
                var result = await handler.InvokeAsync(invocation, linked.Token);
                if (waiter is not null)
                {
                    result = await WaitForTokenAsync(waiter, heartbeat, scope, linked.Token);
                }
                scope.History.Record("TaskSucceeded", Name, output: result, resource: Resource);
                return result;
            }
            catch (OperationCanceledException) when (timeoutSource?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
            {
                var timedOut = new StatesTimeoutException($"The task '{Name}' did not complete within {timeout} seconds.");
                scope.History.Record("TaskTimedOut", Name, error: timedOut.Error, cause: timedOut.Cause, resource: Resource);
                throw timedOut;
            }
            catch (StatesException error)
            {
                scope.History.Record("TaskFailed", Name, error: error.Error, cause: error.Cause, resource: Resource);
                throw;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // A handler's own exception is the task failing, not the interpreter.
                var failed = new StatesTaskFailedException($"{error.GetType().Name}: {error.Message}");
                scope.History.Record("TaskFailed", Name, error: failed.Error, cause: failed.Cause, resource: Resource);
                throw failed;
            }
        }
        finally
        {
            if (waiter is not null)
            {
                scope.Tokens.Retire(waiter.Token);
            }
        }
    }

    private async Task<JsonNode?> WaitForTokenAsync(TaskTokens.Waiter waiter, int? heartbeatSeconds, ExecutionScope scope, CancellationToken cancellationToken)
    {
        if (heartbeatSeconds is not { } seconds)
        {
            return await waiter.Completion.Task.WaitAsync(cancellationToken);
        }
        while (true)
        {
            var beats = waiter.Beats;
            using var heartbeat = scope.Options.Clock.CreateTimeout(TimeSpan.FromSeconds(seconds));
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, heartbeat.Token);
            void Reset() => linked.Cancel();
            waiter.Heartbeat += Reset;
            try
            {
                return await waiter.Completion.Task.WaitAsync(linked.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                if (waiter.Beats == beats)
                {
                    throw new StatesHeartbeatTimeoutException($"The task '{Name}' sent no heartbeat for {seconds} seconds.");
                }
                // A heartbeat arrived: start a new heartbeat period.
            }
            finally
            {
                waiter.Heartbeat -= Reset;
            }
        }
    }

    private int? Seconds(int? fixedSeconds, JsonPath? path, JsonNode? input, string field)
    {
        if (path is null)
        {
            return fixedSeconds;
        }
        if (path.TryEvaluate(input, out var value) && JsonValues.TryGetInt64(value, out var seconds) && seconds is >= 1 and <= int.MaxValue)
        {
            return (int)seconds;
        }
        throw new StatesRuntimeException(string.Create(CultureInfo.InvariantCulture,
            $"An error occurred while executing the state '{Name}'. The {field} field refers to value {value?.ToJsonString() ?? "nothing"} which is not a valid positive integer: {path.Text}"));
    }
}
