namespace Sdc.Local.Batch;

/// <summary>
/// One job, as Step Functions' <c>batch:submitJob.sync</c> submits it: a name, a queue
/// (<see cref="BatchQueues"/>), a job definition (one per processor), environment variables added
/// to the runner's own (the processor reads its job JSON from <c>SDC_JOB</c>), the attempt
/// timeout, and where the job's log goes when it ends.
/// </summary>
/// <param name="JobName">As AWS Batch accepts it: 1–128 letters, digits, hyphens and underscores, starting with a letter or digit.</param>
/// <param name="TimeoutSeconds">Attempt duration limit, counted from the process start. AWS's minimum is 60; locally any positive value.</param>
/// <param name="LogBucket">Bucket of the log object written when the job ends, whatever the outcome.</param>
/// <param name="LogKey">Key of the log object.</param>
public sealed record BatchJobRequest(
    string JobName,
    string Queue,
    string Definition,
    IReadOnlyDictionary<string, string> Environment,
    int TimeoutSeconds,
    string LogBucket,
    string LogKey)
{
    /// <summary>Called when the job's process has started (after its wait in the queue); like AWS Batch's RUNNING state change.</summary>
    public Func<DateTimeOffset, Task>? OnStarted { get; init; }
}
