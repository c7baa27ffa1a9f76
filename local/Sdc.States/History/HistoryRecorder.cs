using System.Text.Json.Nodes;
using Sdc.States.Time;

namespace Sdc.States.History;

/// <summary>An execution's history: numbered events, thread-safe (Parallel branches and Map iterations record concurrently).</summary>
internal sealed class HistoryRecorder(string executionName, IStatesClock clock, IHistoryListener? listener)
{
    private readonly Lock _gate = new();
    private readonly List<HistoryEvent> _events = [];

    public IReadOnlyList<HistoryEvent> Snapshot()
    {
        lock (_gate)
        {
            return [.. _events];
        }
    }

    public void Record(string type, string? stateName = null, JsonNode? input = null, JsonNode? output = null,
        string? error = null, string? cause = null, string? resource = null, int? index = null)
    {
        HistoryEvent recorded;
        lock (_gate)
        {
            recorded = new HistoryEvent(_events.Count + 1, _events.Count, clock.UtcNow, type)
            {
                StateName = stateName,
                Input = input,
                Output = output,
                Error = error,
                Cause = cause,
                Resource = resource,
                Index = index,
            };
            _events.Add(recorded);
        }
        listener?.OnEvent(executionName, recorded);
    }
}
