namespace Sdc.Pipeline;

/// <summary>The Plan task's output: the run, the jobs of this stage, and the stage to plan next.</summary>
public sealed record PlanResult(long RunId, int Stage, int NextStage, int JobCount, IReadOnlyList<PlannedJob> Jobs);
