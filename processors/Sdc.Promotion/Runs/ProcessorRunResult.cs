namespace Sdc.Promotion.Runs;

/// <summary>How a job ended: by the contract, exit 0 (OK) or 3 (OK with warnings) succeed.</summary>
/// <param name="ExitCode">Null when the process never started or was killed at its timeout.</param>
/// <param name="StatusReason">Why, in AWS Batch's words (e.g. "Essential container in task exited (exit code 1)").</param>
/// <param name="Messages">The processor's <c>message</c> lines, in order.</param>
/// <param name="Log">Where its stdout and stderr were kept.</param>
public sealed record ProcessorRunResult(bool Succeeded, int? ExitCode, string StatusReason, TimeSpan Duration, IReadOnlyList<RunMessage> Messages, string Log);
