namespace Sdc.Pipeline;

/// <summary>The Plan task's input: the execution's name, its request, and the stage to plan (0 first).</summary>
public sealed record PlanRequest(string Execution, PipelineRequest Request, int Stage);
