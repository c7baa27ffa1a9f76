using System.Text.Json.Nodes;

namespace Sdc.States.Execution;

/// <summary>
/// Where a state sends the execution: on to another state, or to the end of its state graph
/// (the execution, a Parallel branch or a Map iteration). Failure is not a transition: it is a
/// <see cref="Errors.StatesException"/> travelling up to the nearest catcher.
/// </summary>
public abstract record Transition(JsonNode? Output)
{
    public sealed record NextState(string State, JsonNode? Output) : Transition(Output);

    public sealed record EndOfGraph(JsonNode? Output) : Transition(Output);
}
