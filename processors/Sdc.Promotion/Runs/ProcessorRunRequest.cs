namespace Sdc.Promotion.Runs;

/// <param name="Role"><see cref="ValidationRoles.Candidate"/> or <see cref="ValidationRoles.Baseline"/>: which processor runs the job.</param>
/// <param name="JobName">Letters, digits, hyphens and underscores (as AWS Batch job names).</param>
/// <param name="JobJson">The job, as the processor contract defines it.</param>
/// <param name="TimeoutSeconds">The processor's timeout from mission.yaml.</param>
public sealed record ProcessorRunRequest(string Role, string JobName, string JobJson, int TimeoutSeconds);
