using System.Text.Json;
using System.Text.Json.Nodes;
using Sdc.States.Errors;
using Sdc.States.Execution;
using Sdc.States.Expressions;

namespace Sdc.States.States;

/// <summary>
/// Fail: ends its state graph with an error and cause, fixed or read from the input by a path or
/// an intrinsic function (AWS accepts intrinsics in ErrorPath and CausePath).
/// </summary>
internal sealed class FailState : State
{
    private readonly string? _error;
    private readonly string? _cause;
    private readonly Func<JsonNode?, StateContext, string?>? _errorFrom;
    private readonly Func<JsonNode?, StateContext, string?>? _causeFrom;

    public FailState(string name, JsonObject json)
        : base(name, json)
    {
        _error = json["Error"]?.GetValue<string>();
        _cause = json["Cause"]?.GetValue<string>();
        _errorFrom = Reader(json["ErrorPath"]?.GetValue<string>(), "ErrorPath");
        _causeFrom = Reader(json["CausePath"]?.GetValue<string>(), "CausePath");
    }

    public override Task<Transition> ExecuteAsync(JsonNode? input, StateContext context, CancellationToken cancellationToken)
    {
        var error = _errorFrom is null ? _error : _errorFrom(input, context);
        var cause = _causeFrom is null ? _cause : _causeFrom(input, context);
        throw new StatesException(error ?? "", cause);
    }

    private Func<JsonNode?, StateContext, string?>? Reader(string? expression, string field)
    {
        if (expression is null)
        {
            return null;
        }
        if (expression.StartsWith("States.", StringComparison.Ordinal))
        {
            var intrinsic = IntrinsicExpression.Parse(expression);
            return (input, context) => AsString(intrinsic.Evaluate(input, context.ContextObject()), field, expression);
        }
        var path = JsonPath.Parse(expression);
        return (input, context) =>
        {
            var root = JsonPath.IsContextPath(expression) ? context.ContextObject() : input;
            return path.TryEvaluate(root, out var value)
                ? AsString(value, field, expression)
                : throw new StatesRuntimeException($"An error occurred while executing the state '{Name}'. Invalid path '{expression}' : No results for path: {expression}");
        };
    }

    private string AsString(JsonNode? value, string field, string expression) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw new StatesRuntimeException($"An error occurred while executing the state '{Name}'. The {field} '{expression}' must resolve to a string, got {value?.ToJsonString() ?? "null"}.");
}
