using System.Text.Json.Nodes;

namespace Sdc.States.Execution;

/// <summary>One entry into a state: the execution it belongs to, when it was entered, and its retry count.</summary>
internal sealed class StateContext(ExecutionScope scope, string stateName, DateTimeOffset entered)
{
    public ExecutionScope Scope { get; } = scope;

    public string StateName { get; } = stateName;

    public DateTimeOffset Entered { get; } = entered;

    public int RetryCount { get; set; }

    public JsonObject ContextObject(string? taskToken = null) =>
        Scope.ContextObject(StateName, Entered, RetryCount, taskToken);

    public JsonObject MapItemContextObject(int index, JsonNode? value) =>
        Scope.ContextObject(StateName, Entered, RetryCount, mapIndex: index, mapValue: value);
}
