using Sdc.Local.Batch;
using Sdc.Storage.FileSystem;

namespace Sdc.Promotion.Runs;

/// <summary>
/// Runs validation jobs on this machine through the local Batch stand-in: one job definition per
/// role, the job JSON in <c>SDC_JOB</c>, the contract's success codes, the timeout, supervised
/// children that cannot outlive the run, and each job's output kept as a log file at
/// <c>&lt;folder&gt;/logs/&lt;role&gt;/&lt;job&gt;.log</c>. A container runs the same way when the command is
/// <c>docker run … -e SDC_JOB …</c>.
/// </summary>
public sealed class LocalProcessorRunner : IProcessorRunner, IAsyncDisposable
{
    private const string LogBucket = "logs";

    private readonly LocalBatch _batch;
    private readonly string _folder;

    /// <param name="commands">Role → the command that runs its processor.</param>
    /// <param name="folder">Scratch space: job folders and logs go under it.</param>
    public LocalProcessorRunner(IReadOnlyDictionary<string, ProcessorCommand> commands, string folder, int maxConcurrency)
    {
        ArgumentNullException.ThrowIfNull(commands);
        _folder = Path.GetFullPath(folder);
        // The folder is the store's root and "logs" its bucket: logs land in <folder>/logs/.
        var store = new FileSystemObjectStore(new FileSystemObjectStoreOptions { RootPath = _folder });
        _batch = new LocalBatch(new LocalBatchOptions
        {
            Definitions = commands.ToDictionary(c => c.Key, c => new JobDefinition(c.Key, c.Value.Executable, c.Value.Arguments), StringComparer.Ordinal),
            MaxConcurrency = maxConcurrency,
            WorkRoot = Path.Combine(_folder, "jobs"),
        }, store, TimeProvider.System);
    }

    public async Task<ProcessorRunResult> RunAsync(ProcessorRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = $"{request.Role}/{request.JobName}.log";
        var result = await _batch.SubmitAndWaitAsync(new BatchJobRequest(request.JobName, BatchQueues.Production, request.Role,
            new Dictionary<string, string> { ["SDC_JOB"] = request.JobJson }, request.TimeoutSeconds, LogBucket, key), cancellationToken);
        return new ProcessorRunResult(
            result.Status == BatchJobStatus.Succeeded,
            result.ExitCode,
            result.StatusReason,
            result.StoppedAt - result.StartedAt,
            [.. result.Messages.Select(m => new RunMessage(m.Severity, m.Code, m.Text))],
            Path.Combine(_folder, LogBucket, request.Role, $"{request.JobName}.log"));
    }

    public ValueTask DisposeAsync() => _batch.DisposeAsync();
}
