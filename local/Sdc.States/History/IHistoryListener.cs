namespace Sdc.States.History;

/// <summary>
/// Receives each history event as it is recorded, so a host can persist executions or show their
/// progress. Called synchronously on the interpreter's path: keep it quick (queue, don't write).
/// </summary>
public interface IHistoryListener
{
    void OnEvent(string executionName, HistoryEvent historyEvent);
}
