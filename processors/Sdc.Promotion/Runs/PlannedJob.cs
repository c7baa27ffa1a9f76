using Sdc.Mission;

namespace Sdc.Promotion.Runs;

/// <summary>One job of a validation stage: a step of the instrument's processor over its inputs, kernels and calibration.</summary>
/// <param name="Label">Names the job's folder and id, the same for candidate and baseline (e.g. <c>l0-0001</c>: Level 0 of orbit 1).</param>
public sealed record PlannedJob(string Label, ProcessingStep Step, IReadOnlyList<JobInput> Inputs, IReadOnlyList<JobInput> Kernels, IReadOnlyList<JobInput> Calibration);
