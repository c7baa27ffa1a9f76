using System.Text.Json.Nodes;
using Sdc.States.Execution;
using Sdc.States.Processing;

namespace Sdc.States.States;

/// <summary>
/// A state of a state graph. Subclasses do their own work; the fields and steps every state type
/// shares (Next/End, InputPath, OutputPath) live here. Definitions are validated before they are
/// parsed, so a parser only reads.
/// </summary>
internal abstract class State
{
    protected State(string name, JsonObject json)
    {
        Name = name;
        Type = json["Type"]!.GetValue<string>();
        Next = json["Next"]?.GetValue<string>();
        End = json["End"]?.GetValue<bool>() ?? false;
        InputPath = PathField.Read(json, "InputPath");
        OutputPath = PathField.Read(json, "OutputPath");
    }

    public string Name { get; }

    public string Type { get; }

    public string? Next { get; }

    public bool End { get; }

    protected PathField InputPath { get; }

    protected PathField OutputPath { get; }

    /// <summary>Runs the state on its raw input; returns where to go next or throws a StatesException.</summary>
    public abstract Task<Transition> ExecuteAsync(JsonNode? input, StateContext context, CancellationToken cancellationToken);

    protected Transition Complete(JsonNode? output) =>
        End || Next is null ? new Transition.EndOfGraph(output) : new Transition.NextState(Next, output);
}
