namespace Sdc.Local.Batch;

/// <summary>
/// A finished job, shaped after what <c>batch:submitJob.sync</c> returns: status, status reason
/// and exit code in AWS Batch's wording, when the process ran, where its log is, and the messages
/// the processor printed.
/// </summary>
/// <param name="ExitCode">The process's exit code; null when it never started or was killed at its timeout.</param>
/// <param name="StartedAt">When the process started (when it was found unable to start, for a job that did not).</param>
/// <param name="Messages">The processor's <c>message</c> lines, in order (up to the log's size cap).</param>
public sealed record BatchJobResult(
    string JobName,
    BatchJobStatus Status,
    int? ExitCode,
    string StatusReason,
    DateTimeOffset StartedAt,
    DateTimeOffset StoppedAt,
    string LogBucket,
    string LogKey,
    IReadOnlyList<ProcessorMessage> Messages);
