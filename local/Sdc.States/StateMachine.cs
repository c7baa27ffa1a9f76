using System.Text.Json;
using System.Text.Json.Nodes;
using Sdc.States.States;
using Sdc.States.Validation;

namespace Sdc.States;

/// <summary>
/// A parsed state machine definition, ready to run. Parsing validates first (every problem is
/// reported at once, with its state), so a definition that parses has the shape the states expect.
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

    public static StateMachine Parse(JsonObject definition)
    {
        var problems = StateMachineValidator.Validate(definition, ValidationOptions.Default);
        if (problems.Count > 0)
        {
            throw new StateMachineValidationException(problems);
        }
        return new StateMachine(definition, StateGraph.Parse(definition));
    }

    /// <summary>Every Task resource the definition uses, with the state that uses it.</summary>
    public IEnumerable<(string State, string Resource)> TaskResources() => Graph.TaskResources();
}
