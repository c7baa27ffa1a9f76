using System.ComponentModel;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sdc.Storage;

namespace Sdc.Local.Batch;

/// <summary>
/// The local stand-in for AWS Batch: runs each submitted job as a child process of a job
/// definition's command, at most <see cref="LocalBatchOptions.MaxConcurrency"/> at once, production
/// before reprocessing, and returns when it has ended, as <c>batch:submitJob.sync</c> does.
/// The job's output goes to the object store as its log. Linux and macOS (the processes run
/// under bash; see <see cref="JobProcess.Supervisor"/> for why none can outlive the runner).
/// Disposing kills the running jobs and refuses the waiting ones.
/// </summary>
public sealed partial class LocalBatch : IAsyncDisposable
{
    /// <summary>How long a killed job's supervisor gets to kill its group before the process tree is killed directly.</summary>
    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(5);

    /// <summary>How long the output may stay open after the process exited (only something that left the job's process group can hold it).</summary>
    private static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(5);

    private readonly IReadOnlyDictionary<string, JobDefinition> _definitions;
    private readonly string _workRoot;
    private readonly long _maxLogBytes;
    private readonly IObjectStore _store;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly JobSlots _slots;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Jobs submitted and not yet returned, plus one held by the runner until it is disposed; zero
    // means disposed and drained, and no job may enter then.
    private int _active = 1;
    private int _disposing;

    public LocalBatch(LocalBatchOptions options, IObjectStore store, TimeProvider clock, ILogger<LocalBatch>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options.Definitions);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.WorkRoot);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrency, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxLogBytes, 1024);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxLogBytes, int.MaxValue / 2);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("LocalBatch runs jobs under bash with POSIX process groups: Linux or macOS.");
        }
        foreach (var (name, definition) in options.Definitions)
        {
            if (definition.Name != name)
            {
                throw new ArgumentException($"Job definition '{definition.Name}' is registered under the name '{name}'.", nameof(options));
            }
        }
        // A copy: the caller's dictionary may change later; the definitions a runner started with may not.
        _definitions = new Dictionary<string, JobDefinition>(options.Definitions, StringComparer.Ordinal);
        _workRoot = Path.GetFullPath(options.WorkRoot);
        _maxLogBytes = options.MaxLogBytes;
        _store = store;
        _clock = clock;
        _logger = logger ?? NullLogger<LocalBatch>.Instance;
        _slots = new JobSlots(options.MaxConcurrency, BatchQueues.All.Count);
    }

    /// <summary>Jobs waiting for a free slot, all queues together.</summary>
    public int WaitingJobs => _slots.Waiting;

    /// <summary>
    /// Queues the job, runs it when a slot is free and returns how it ended. The request is checked
    /// and the job queued before this returns its task, so jobs submitted one after another keep
    /// their order within a queue. A job that fails, times out or cannot start is a result, not an
    /// exception.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown queue or definition, or a malformed request.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; a running job was killed first and its log written.</exception>
    /// <exception cref="ObjectDisposedException">The runner was disposed before or while the job ran.</exception>
    public Task<BatchJobResult> SubmitAndWaitAsync(BatchJobRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (priority, definition) = Validate(request);
        ObjectDisposedException.ThrowIf(!TryEnter(), this);
        try
        {
            return RunAsync(request, priority, definition, cancellationToken);
        }
        catch
        {
            Exit();
            throw;
        }
    }

    /// <summary>Kills the running jobs (their logs are still written), refuses the waiting ones, and returns when all have ended.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposing, 1) == 0)
        {
            await _shutdown.CancelAsync().ConfigureAwait(false);
            Exit();
        }
        await _drained.Task.ConfigureAwait(false);
        _shutdown.Dispose();
    }

    private (int Priority, JobDefinition Definition) Validate(BatchJobRequest request)
    {
        ArgumentNullException.ThrowIfNull(request.JobName, nameof(request));
        if (!JobNamePattern().IsMatch(request.JobName))
        {
            throw new ArgumentException(
                $"Job name '{request.JobName}' is not valid: 1 to 128 letters, digits, hyphens and underscores, starting with a letter or digit.", nameof(request));
        }
        var priority = BatchQueues.PriorityOf(request.Queue);
        if (priority < 0)
        {
            throw new ArgumentException(
                $"Unknown job queue '{request.Queue}'; the queues are: {string.Join(", ", BatchQueues.All)}.", nameof(request));
        }
        if (request.Definition is null || !_definitions.TryGetValue(request.Definition, out var definition))
        {
            var known = _definitions.Count == 0 ? "(none)" : string.Join(", ", _definitions.Keys.Order(StringComparer.Ordinal));
            throw new ArgumentException(
                $"Unknown job definition '{request.Definition}'; the definitions are: {known}.", nameof(request));
        }
        if (request.TimeoutSeconds < 1)
        {
            throw new ArgumentException($"Job timeout must be at least 1 second, not {request.TimeoutSeconds}.", nameof(request));
        }
        ArgumentNullException.ThrowIfNull(request.Environment, nameof(request));
        // Checked now, not when the log is written: a job whose log cannot be stored must not run.
        ObjectNames.ValidateBucket(request.LogBucket);
        ObjectNames.ValidateKey(request.LogKey);
        return (priority, definition);
    }

    private async Task<BatchJobResult> RunAsync(BatchJobRequest request, int priority, JobDefinition definition, CancellationToken cancellationToken)
    {
        try
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _shutdown.Token);
            // Synchronous up to here: the job takes its place in the queue before this method first yields.
            using var slot = await _slots.WaitAsync(priority, stop.Token).ConfigureAwait(false);
            return await RunHoldingSlotAsync(request, definition, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && _shutdown.IsCancellationRequested)
        {
            throw new ObjectDisposedException(nameof(LocalBatch), $"The job runner was disposed before job {request.JobName} ended.");
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested && e.CancellationToken != cancellationToken)
        {
            // Thrown for the linked token; the caller should see its own.
            throw new OperationCanceledException(e.Message, e, cancellationToken);
        }
        finally
        {
            Exit();
        }
    }

    private async Task<BatchJobResult> RunHoldingSlotAsync(BatchJobRequest request, JobDefinition definition, CancellationToken stop)
    {
        stop.ThrowIfCancellationRequested();
        var log = new JobLog(_maxLogBytes, _clock);
        var messages = new List<ProcessorMessage>();
        var folder = Directory.CreateDirectory(Path.Combine(_workRoot, $"{request.JobName}-{Guid.NewGuid():N}")).FullName;
        try
        {
            var searchPath = request.Environment.TryGetValue("PATH", out var path) ? path : Environment.GetEnvironmentVariable("PATH");
            if (CommandResolver.Resolve(definition.Command, searchPath, out var problem) is not { } executable)
            {
                return await CannotStartAsync(request, log, problem).ConfigureAwait(false);
            }
            var start = JobProcess.CreateStartInfo(request.JobName, executable, definition.Arguments, request.Environment, folder);

            JobProcess process;
            try
            {
                process = JobProcess.Start(start, log, line =>
                {
                    if (ProcessorOutput.ParseMessage(line) is { } message)
                    {
                        lock (messages)
                        {
                            messages.Add(message);
                        }
                    }
                });
            }
            catch (Win32Exception e)
            {
                return await CannotStartAsync(request, log, $"bash: {e.Message}").ConfigureAwait(false);
            }

            using (process)
            {
                var startedAt = _clock.GetUtcNow();
                BatchLog.Started(_logger, request.JobName, definition.Name, request.Queue, process.Id);
                if (request.OnStarted is { } started)
                {
                    // The caller records RUNNING (PROCESSING) when the job leaves the queue, not when it was submitted.
                    await started(startedAt).ConfigureAwait(false);
                }
                var (status, reason, stopped) = await WaitOrKillAsync(process, request, log, definition, stop).ConfigureAwait(false);
                if (!await process.DrainOutputAsync(OutputGrace, _clock).ConfigureAwait(false))
                {
                    log.Note("output still open after the job ended (a process that left the job's process group?): stopped reading it");
                }
                var stoppedAt = _clock.GetUtcNow();
                if (stopped)
                {
                    await WriteLogAsync(request, log).ConfigureAwait(false);
                    BatchLog.Killed(_logger, request.JobName, reason);
                    stop.ThrowIfCancellationRequested();
                }
                List<ProcessorMessage> parsed;
                lock (messages)
                {
                    parsed = [.. messages];
                }
                log.Note($"{status}: {reason}");
                await WriteLogAsync(request, log).ConfigureAwait(false);
                BatchLog.Finished(_logger, request.JobName, status, reason);
                return new BatchJobResult(
                    request.JobName, status, status == BatchJobStatus.TimedOut ? null : process.ExitCode,
                    reason, startedAt, stoppedAt, request.LogBucket, request.LogKey, parsed);
            }
        }
        finally
        {
            DeleteFolder(folder);
        }
    }

    /// <summary>
    /// Waits for the process to exit by itself; on timeout or cancellation kills it (and everything
    /// it started) first. <c>Stopped</c> says it was killed because <paramref name="stop"/> fired.
    /// </summary>
    private async Task<(BatchJobStatus Status, string Reason, bool Stopped)> WaitOrKillAsync(
        JobProcess process, BatchJobRequest request, JobLog log, JobDefinition definition, CancellationToken stop)
    {
        // The attempt's clock starts with the process, as AWS Batch's timeout counts from RUNNING.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(request.TimeoutSeconds), _clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stop, timeout.Token);
        try
        {
            await process.WaitForExitAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            var timedOut = !stop.IsCancellationRequested;
            var reason = timedOut
                ? StatusReasons.TimedOut(request.TimeoutSeconds)
                : _shutdown.IsCancellationRequested ? "Terminated: the job runner is shutting down" : "Terminated: the submitter cancelled the job";
            log.Note($"killing the job and every process it started: {reason}");
            await process.KillAsync(KillGrace, _clock).ConfigureAwait(false);
            return (timedOut ? BatchJobStatus.TimedOut : BatchJobStatus.Failed, reason, !timedOut);
        }
        var exitCode = process.ExitCode;
        return (definition.SuccessExitCodes.Contains(exitCode) ? BatchJobStatus.Succeeded : BatchJobStatus.Failed, StatusReasons.Exited(exitCode), false);
    }

    private async Task<BatchJobResult> CannotStartAsync(BatchJobRequest request, JobLog log, string problem)
    {
        var now = _clock.GetUtcNow();
        var reason = StatusReasons.CannotStart(problem);
        log.Note($"{BatchJobStatus.Failed}: {reason}");
        await WriteLogAsync(request, log).ConfigureAwait(false);
        BatchLog.CannotStart(_logger, request.JobName, reason);
        return new BatchJobResult(request.JobName, BatchJobStatus.Failed, null, reason, now, now, request.LogBucket, request.LogKey, []);
    }

    /// <summary>
    /// Writes the log whatever the outcome. Not cancellable: a cancelled job's log is what explains
    /// it, and the write is one object. A store failure propagates, as a lost log must not pass unseen.
    /// </summary>
    private async Task WriteLogAsync(BatchJobRequest request, JobLog log)
    {
        using var content = log.Seal();
        await _store.PutAsync(request.LogBucket, request.LogKey, content, metadata: null, CancellationToken.None).ConfigureAwait(false);
    }

    private void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            BatchLog.WorkFolderLeft(_logger, folder, e.Message);
        }
    }

    private bool TryEnter()
    {
        while (true)
        {
            var active = Volatile.Read(ref _active);
            if (active == 0 || Volatile.Read(ref _disposing) == 1)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref _active, active + 1, active) == active)
            {
                return true;
            }
        }
    }

    private void Exit()
    {
        if (Interlocked.Decrement(ref _active) == 0)
        {
            _drained.TrySetResult();
        }
    }

    /// <summary>AWS Batch's rule for job names.</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$")]
    private static partial Regex JobNamePattern();
}
