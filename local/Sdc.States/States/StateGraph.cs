using System.Text.Json.Nodes;

namespace Sdc.States.States;

/// <summary>
/// A StartAt and its States: the top level of a state machine, a Parallel branch, or a Map's
/// item processor. Each is its own scope: Next can only name states of the same graph.
/// </summary>
internal sealed class StateGraph
{
    private StateGraph(string startAt, IReadOnlyDictionary<string, State> states)
    {
        StartAt = startAt;
        States = states;
    }

    public string StartAt { get; }

    public IReadOnlyDictionary<string, State> States { get; }

    public static StateGraph Parse(JsonObject json)
    {
        var states = new Dictionary<string, State>(StringComparer.Ordinal);
        foreach (var (name, value) in json["States"]!.AsObject())
        {
            states[name] = ParseState(name, value!.AsObject());
        }
        return new StateGraph(json["StartAt"]!.GetValue<string>(), states);
    }

    private static State ParseState(string name, JsonObject json) => json["Type"]!.GetValue<string>() switch
    {
        "Pass" => new PassState(name, json),
        "Task" => new TaskState(name, json),
        "Choice" => new ChoiceState(name, json),
        "Wait" => new WaitState(name, json),
        "Succeed" => new SucceedState(name, json),
        "Fail" => new FailState(name, json),
        "Parallel" => new ParallelState(name, json),
        "Map" => new MapState(name, json),
        var other => throw new FormatException($"State '{name}' has unknown Type '{other}'."),
    };

    /// <summary>Every Task resource used in this graph and the graphs nested in it.</summary>
    public IEnumerable<(string State, string Resource)> TaskResources() =>
        States.Values.SelectMany(state => state switch
        {
            TaskState task => [(task.Name, task.Resource)],
            ParallelState parallel => parallel.Branches.SelectMany(b => b.TaskResources()),
            MapState map => map.Processor.TaskResources(),
            _ => Enumerable.Empty<(string, string)>(),
        });
}
