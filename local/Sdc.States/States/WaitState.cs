using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sdc.States.Errors;
using Sdc.States.Execution;
using Sdc.States.Expressions;
using Sdc.States.Time;

namespace Sdc.States.States;

/// <summary>Wait: for a number of seconds or until a timestamp, fixed or read from the input.</summary>
internal sealed class WaitState : State
{
    private readonly int? _seconds;
    private readonly DateTimeOffset? _timestamp;
    private readonly JsonPath? _secondsPath;
    private readonly JsonPath? _timestampPath;

    public WaitState(string name, JsonObject json)
        : base(name, json)
    {
        _seconds = json["Seconds"]?.GetValue<int>();
        if (json["Timestamp"] is { } timestamp)
        {
            _timestamp = Timestamps.TryParse(timestamp.GetValue<string>(), out var at)
                ? at
                : throw new FormatException($"Wait state '{name}': Timestamp '{timestamp}' is not an RFC 3339 timestamp.");
        }
        _secondsPath = json["SecondsPath"] is { } secondsPath ? JsonPath.Parse(secondsPath.GetValue<string>()) : null;
        _timestampPath = json["TimestampPath"] is { } timestampPath ? JsonPath.Parse(timestampPath.GetValue<string>()) : null;
    }

    public override async Task<Transition> ExecuteAsync(JsonNode? input, StateContext context, CancellationToken cancellationToken)
    {
        var effective = InputPath.Apply(input, Name);
        var clock = context.Scope.Options.Clock;
        var delay = Until(effective, clock.UtcNow);
        await clock.DelayAsync(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, cancellationToken);
        return Complete(OutputPath.Apply(effective, Name));
    }

    private TimeSpan Until(JsonNode? input, DateTimeOffset now)
    {
        if (_seconds is { } seconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }
        if (_timestamp is { } timestamp)
        {
            return timestamp - now;
        }
        if (_secondsPath is not null)
        {
            // AWS accepts only a non-negative integer here: 1.5 or -1 fail the execution.
            if (_secondsPath.TryEvaluate(input, out var value) && JsonValues.TryGetInt64(value, out var whole) && whole >= 0)
            {
                return TimeSpan.FromSeconds(whole);
            }
            throw new StatesRuntimeException(string.Create(CultureInfo.InvariantCulture,
                $"An error occurred while executing the state '{Name}'. The SecondsPath parameter does not reference a valid non-negative integer: {_secondsPath.Text} = {value?.ToJsonString() ?? "nothing"}"));
        }
        if (_timestampPath!.TryEvaluate(input, out var text) && text is JsonValue s && s.GetValueKind() == JsonValueKind.String
            && Timestamps.TryParse(s.GetValue<string>(), out var until))
        {
            return until - now;
        }
        throw new StatesRuntimeException(
            $"An error occurred while executing the state '{Name}'. The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: {_timestampPath.Text} == {text?.ToJsonString() ?? "nothing"}");
    }
}
