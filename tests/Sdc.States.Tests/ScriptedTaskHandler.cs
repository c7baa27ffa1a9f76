using System.Text.Json.Nodes;
using Sdc.States.Errors;
using Sdc.States.Tasks;
using Sdc.States.Time;

namespace Sdc.States.Tests;

/// <summary>
/// A task handler that plays a script per state name: first the listed failures, one per attempt,
/// then the result. Records every input it received. (A fake of the host's port, which is exactly
/// what a task handler is.)
/// </summary>
internal sealed class ScriptedTaskHandler : ITaskHandler
{
    private readonly Dictionary<string, Queue<(string Error, string? Cause)>> _failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode?> _results = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _durations = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly IStatesClock? _clock;

    public ScriptedTaskHandler(IStatesClock? clock = null)
    {
        _clock = clock;
    }

    public Dictionary<string, List<JsonNode?>> Inputs { get; } = new(StringComparer.Ordinal);

    public ScriptedTaskHandler Fail(string state, string error, string? cause)
    {
        if (!_failures.TryGetValue(state, out var queue))
        {
            _failures[state] = queue = new Queue<(string, string?)>();
        }
        queue.Enqueue((error, cause));
        return this;
    }

    public ScriptedTaskHandler Return(string state, JsonNode? result)
    {
        _results[state] = result;
        return this;
    }

    /// <summary>Makes the task take this long on the clock (so TimeoutSeconds can fire).</summary>
    public ScriptedTaskHandler Take(string state, double seconds)
    {
        _durations[state] = seconds;
        return this;
    }

    public async Task<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        if (_clock is not null && _durations.TryGetValue(invocation.StateName, out var seconds))
        {
            await _clock.DelayAsync(TimeSpan.FromSeconds(seconds), cancellationToken);
        }
        return Next(invocation);
    }

    private JsonNode? Next(TaskInvocation invocation)
    {
        lock (_gate)
        {
            if (!Inputs.TryGetValue(invocation.StateName, out var inputs))
            {
                Inputs[invocation.StateName] = inputs = [];
            }
            inputs.Add(invocation.Input?.DeepClone());
            if (_failures.TryGetValue(invocation.StateName, out var queue) && queue.Count > 0)
            {
                var (error, cause) = queue.Dequeue();
                throw new StatesException(error, cause);
            }
            if (_results.TryGetValue(invocation.StateName, out var result))
            {
                return result?.DeepClone();
            }
        }
        throw new InvalidOperationException($"No scripted result for task state '{invocation.StateName}'");
    }

    public static ScriptedTaskHandler FromCase(JsonObject json, IStatesClock clock)
    {
        var handler = new ScriptedTaskHandler(clock);
        foreach (var (state, seconds) in json["taskDurationsSeconds"]?.AsObject() ?? [])
        {
            handler.Take(state, seconds!.GetValue<double>());
        }
        foreach (var (state, failures) in json["taskFailures"]?.AsObject() ?? [])
        {
            foreach (var failure in failures!.AsArray())
            {
                handler.Fail(state, failure!["error"]!.GetValue<string>(), failure["cause"]?.GetValue<string>());
            }
        }
        foreach (var (state, result) in json["taskResults"]?.AsObject() ?? [])
        {
            handler.Return(state, result?.DeepClone());
        }
        return handler;
    }
}
