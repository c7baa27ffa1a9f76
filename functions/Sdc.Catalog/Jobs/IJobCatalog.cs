namespace Sdc.Catalog;

/// <summary>Runs, processor versions, jobs and job messages (the pipeline's record of its work).</summary>
public interface IJobCatalog
{
    /// <summary>Records a run under its execution name, or returns the one already recorded (a duplicate start is one run).</summary>
    Task<Run> StartRunAsync(string executionName, string? manifestKey, RunKind kind, DateTimeOffset startedAt, CancellationToken cancellationToken);

    Task<Run?> FindRunAsync(long id, CancellationToken cancellationToken);

    /// <summary>The id of a processor version, recording it first if it is new (instrument and version identify it).</summary>
    Task<long> EnsureProcessorVersionAsync(string instrument, string version, string imageDigest, ProcessorStage stage, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records a SCHEDULED job, or returns the job already recorded with the same identity.</summary>
    Task<Job> CreateJobAsync(JobCreation job, DateTimeOffset createdAt, CancellationToken cancellationToken);

    Task<Job?> FindJobAsync(long id, CancellationToken cancellationToken);

    Task<Job?> FindJobByIdentityAsync(string identityHash, CancellationToken cancellationToken);

    Task AddMessagesAsync(long jobId, IReadOnlyList<JobMessage> messages, CancellationToken cancellationToken);

    /// <summary>A job's messages, oldest first.</summary>
    Task<IReadOnlyList<JobMessage>> GetMessagesAsync(long jobId, CancellationToken cancellationToken);
}
