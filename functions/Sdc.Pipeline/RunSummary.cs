using Sdc.Catalog;

namespace Sdc.Pipeline;

/// <summary>How a run ended: its status and its jobs counted by status.</summary>
public sealed record RunSummary(long RunId, string Execution, RunStatus Status, IReadOnlyDictionary<string, int> Jobs, string Text);
