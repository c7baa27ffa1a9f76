using System.Text.Json;
using System.Text.Json.Nodes;
using Sdc.States.States;

namespace Sdc.States;

/// <summary>
/// A parsed state machine definition, ready to run. Parse only what
/// <c>StateMachineValidator</c> accepted: the parser trusts the shape.
/// </summary>
public sealed class StateMachine
{
    private StateMachine(JsonObject definition, StateGraph graph)
    {
        Definition = definition;
        Graph = graph;
        TimeoutSeconds = definition["TimeoutSeconds"]?.GetValue<int>();
    }

    /// <summary>The definition as given (do not modify).</summary>
    public JsonObject Definition { get; }

    public int? TimeoutSeconds { get; }

    internal StateGraph Graph { get; }

    public static StateMachine Parse(string json) =>
        Parse(JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })
            as JsonObject ?? throw new FormatException("A state machine definition is a JSON object."));

    public static StateMachine Parse(JsonObject definition) => new(definition, StateGraph.Parse(definition));

    /// <summary>Every Task resource the definition uses, with the state that uses it.</summary>
    public IEnumerable<(string State, string Resource)> TaskResources() => Graph.TaskResources();
}
