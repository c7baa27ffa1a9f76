using System.Text.Json.Nodes;
using Sdc.States.States;

namespace Sdc.States.Execution;

/// <summary>
/// Runs a state graph from its StartAt to an end: enters each state, runs it, records its entry
/// and exit in the history, enforces the payload limit, and follows the transition.
/// </summary>
internal static class GraphRunner
{
    public static async Task<JsonNode?> RunAsync(StateGraph graph, JsonNode? input, ExecutionScope scope, CancellationToken cancellationToken)
    {
        var current = graph.States[graph.StartAt];
        var data = input;
        var limit = scope.Options.PayloadLimitBytes;
        PayloadLimit.Check(data, limit, graph.StartAt);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entered = scope.Options.Clock.UtcNow;
            scope.History.Record(current.Type + "StateEntered", current.Name, input: data);
            var transition = await current.ExecuteAsync(data, new StateContext(scope, current.Name, entered), cancellationToken);
            // Measuring means serializing; an output that is the (already measured) input itself,
            // as Choice, Wait and plain Pass states pass it on, cannot have grown.
            if (!ReferenceEquals(transition.Output, data))
            {
                PayloadLimit.Check(transition.Output, limit, current.Name);
            }
            scope.History.Record(current.Type + "StateExited", current.Name, output: transition.Output);
            switch (transition)
            {
                case Transition.NextState next:
                    current = graph.States[next.State];
                    data = next.Output;
                    break;
                case Transition.EndOfGraph end:
                    return end.Output;
            }
        }
    }
}
