namespace Sdc.Catalog;

/// <summary>Runs, processor versions, jobs, job messages and execution histories (the pipeline's record of its work).</summary>
public interface IJobCatalog
{
    /// <summary>Records a run under its execution name, or returns the one already recorded (a duplicate start is one run).</summary>
    Task<Run> StartRunAsync(string executionName, string? manifestKey, RunKind kind, DateTimeOffset startedAt, CancellationToken cancellationToken, string? input = null);

    Task<Run?> FindRunAsync(long id, CancellationToken cancellationToken);

    Task<Run?> FindRunByNameAsync(string executionName, CancellationToken cancellationToken);

    /// <summary>Runs newest first, optionally only those in one status.</summary>
    Task<IReadOnlyList<Run>> ListRunsAsync(int limit, RunStatus? status, CancellationToken cancellationToken);

    /// <summary>Closes a run with its status and summary.</summary>
    Task FinishRunAsync(long runId, RunStatus status, string? summary, DateTimeOffset finishedAt, CancellationToken cancellationToken);

    /// <summary>The id of a processor version, recording it first if it is new (instrument and version identify it).</summary>
    Task<long> EnsureProcessorVersionAsync(string instrument, string version, string imageDigest, ProcessorStage stage, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Records a SCHEDULED job, or returns the job already recorded with the same identity. A job
    /// with that identity that did not succeed (or never finished) is taken over by this run and
    /// scheduled again; one that succeeded is returned as it is, for the planner to skip.
    /// </summary>
    Task<Job> CreateJobAsync(JobCreation job, DateTimeOffset createdAt, CancellationToken cancellationToken);

    Task<Job?> FindJobAsync(long id, CancellationToken cancellationToken);

    Task<Job?> FindJobByIdentityAsync(string identityHash, CancellationToken cancellationToken);

    /// <summary>The jobs of a run, in creation order.</summary>
    Task<IReadOnlyList<Job>> ListJobsAsync(long runId, CancellationToken cancellationToken);

    /// <summary>Marks a job PROCESSING and counts the attempt.</summary>
    Task StartJobAsync(long jobId, DateTimeOffset startedAt, CancellationToken cancellationToken);

    /// <summary>Records when the job's processor stopped (before indexing).</summary>
    Task ProcessorStoppedAsync(long jobId, DateTimeOffset stoppedAt, CancellationToken cancellationToken);

    /// <summary>Records how a job ended.</summary>
    Task FinishJobAsync(long jobId, JobStatus status, int? exitCode, string? reason, string? logKey, DateTimeOffset finishedAt, CancellationToken cancellationToken);

    /// <summary>Products registered by the jobs of a run's stage, in key order.</summary>
    Task<IReadOnlyList<CatalogFile>> ListProductsAsync(long runId, int stage, CancellationToken cancellationToken);

    Task AddMessagesAsync(long jobId, IReadOnlyList<JobMessage> messages, CancellationToken cancellationToken);

    /// <summary>A job's messages, oldest first.</summary>
    Task<IReadOnlyList<JobMessage>> GetMessagesAsync(long jobId, CancellationToken cancellationToken);

    /// <summary>Appends events to an execution's history; events whose sequence number is already recorded are ignored.</summary>
    Task AppendHistoryAsync(string executionName, IReadOnlyList<ExecutionEvent> events, CancellationToken cancellationToken);

    Task<IReadOnlyList<ExecutionEvent>> GetHistoryAsync(string executionName, CancellationToken cancellationToken);
}
