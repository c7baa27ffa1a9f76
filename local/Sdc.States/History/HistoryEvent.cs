using System.Text.Json.Nodes;

namespace Sdc.States.History;

/// <summary>
/// One event of an execution's history, shaped like Step Functions' GetExecutionHistory events
/// (<c>ExecutionStarted</c>, <c>TaskStateEntered</c>, <c>MapIterationStarted</c>…). Inputs and
/// outputs are the JSON values themselves; they are never changed after the event is recorded.
/// </summary>
public sealed record HistoryEvent(long Id, long PreviousEventId, DateTimeOffset Timestamp, string Type)
{
    public string? StateName { get; init; }
    public JsonNode? Input { get; init; }
    public JsonNode? Output { get; init; }
    public string? Error { get; init; }
    public string? Cause { get; init; }
    public string? Resource { get; init; }
    /// <summary>Map iteration index, for MapIteration* events.</summary>
    public int? Index { get; init; }

    /// <summary>The event as JSON, for persistence and status pages.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["previousEventId"] = PreviousEventId,
            ["timestamp"] = Time.Timestamps.Format(Timestamp),
            ["type"] = Type,
        };
        if (StateName is not null) json["name"] = StateName;
        if (Resource is not null) json["resource"] = Resource;
        if (Index is not null) json["index"] = Index;
        if (Input is not null) json["input"] = Input.DeepClone();
        if (Output is not null) json["output"] = Output.DeepClone();
        if (Error is not null) json["error"] = Error;
        if (Cause is not null) json["cause"] = Cause;
        return json;
    }
}
