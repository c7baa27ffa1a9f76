using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Sdc.Catalog;
using Sdc.Events;
using Sdc.Ingest;
using Sdc.Ingest.Layout;
using Sdc.Local.Batch;
using Sdc.Pipeline;
using Sdc.States;
using Sdc.States.Execution;
using Sdc.States.Tasks;
using Sdc.Storage.FileSystem;

namespace Sdc.Local;

/// <summary>
/// The SDC on one machine, wired as on AWS: objects created in the buckets are routed like the
/// EventBridge rules (inbox → integrity, <c>archive:manifests/</c> and <c>archive:requests/</c> → a
/// pipeline execution named after the object, <c>products:uploads/</c> → the indexer); the functions run in-process;
/// executions run <c>infra/pipeline.asl.json</c> on the ASL interpreter with their history in the
/// catalog; Batch jobs run as child processes.
/// <para>
/// Crash safety: everything it does is recorded before it is relied on, and every step is
/// idempotent, so a runtime killed at any point and started again finishes the work: runs still
/// RUNNING are driven again from their recorded input (the planner skips jobs that succeeded),
/// manifests without a run are started, and the inbox is checked again.
/// </para>
/// </summary>
public sealed class LocalRuntime : IAsyncDisposable
{
    private readonly ICatalog _catalog;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly LocalRuntimeOptions _options;
    private readonly EventingObjectStore _store;
    private readonly LocalBatch _batch;
    private readonly CatalogHistoryListener _history;
    private readonly StateMachineEngine _engine;
    private readonly ConcurrentDictionary<string, Task> _executions = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, JobDefinition> _definitions;
    private int _busy;

    public LocalRuntime(Mission.Mission mission, ICatalog catalog, LocalRuntimeOptions options, TimeProvider clock, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        _catalog = catalog;
        _clock = clock;
        _options = options;
        _logger = loggers.CreateLogger<LocalRuntime>();
        Files = new FileSystemObjectStore(
            new FileSystemObjectStoreOptions { RootPath = options.BucketsRoot, PublicBaseUrl = options.PublicBaseUrl, SigningKey = options.SigningKey }, clock);
        _store = new EventingObjectStore(Files, clock);
        Ingest = new IngestServices(mission, _store, catalog, new IngestOptions(), clock, loggers);
        var processors = ProcessorVersions.Load(Path.Combine(options.RepositoryRoot, "processors", ProcessorVersions.FileName));
        var planner = new Planner(mission, catalog, _store, processors, new LocalFileLocator(options.BucketsRoot), clock);
        var tasks = new PipelineTasks(catalog, Ingest.Indexer, clock);
        var definitions = mission.Processors.ToDictionary(p => p.Instrument, p => new JobDefinition(p.Instrument,
            options.ProcessorCommands?.GetValueOrDefault(p.Instrument) ?? Path.Combine(options.RepositoryRoot, "processors", p.Instrument, "run")));
        _definitions = definitions;
        _batch = new LocalBatch(new LocalBatchOptions { Definitions = definitions, MaxConcurrency = options.MaxConcurrency, WorkRoot = options.WorkRoot },
            _store, clock, loggers.CreateLogger<LocalBatch>());
        _history = new CatalogHistoryListener(catalog);
        var json = PipelineJsonContext.Default;
        var resources = new TaskResourceRegistry()
            .Register(LocalArns.Plan, new LambdaTaskHandler<PlanRequest, PlanResult>(planner.PlanAsync, json.PlanRequest, json.PlanResult))
            .Register(LocalArns.Index, new LambdaTaskHandler<IndexTaskRequest, IndexTaskResult>(tasks.IndexAsync, json.IndexTaskRequest, json.IndexTaskResult))
            .Register(LocalArns.RecordJob, new LambdaTaskHandler<JobFailure, JobStatusResult>(
                async (f, ct) => new JobStatusResult(f.JobId, await tasks.RecordFailureAsync(f, ct)), json.JobFailure, json.JobStatusResult))
            .Register(LocalArns.Summarize, new LambdaTaskHandler<RunSummaryRequest, RunSummary>(tasks.SummarizeAsync, json.RunSummaryRequest, json.RunSummary))
            .Register(LocalArns.BatchSubmitJobSync, new BatchTaskHandler(_batch, catalog, _store));
        var machine = PipelineDefinition.Load(Path.Combine(options.RepositoryRoot, PipelineDefinition.RelativePath));
        _engine = new StateMachineEngine(machine, new EngineOptions { Resources = resources, HistoryListener = _history, StateMachineName = "sdc-pipeline" });
    }

    /// <summary>The data-management handlers over the runtime's (event-raising) store.</summary>
    public IngestServices Ingest { get; }

    /// <summary>The buckets' folders underneath <see cref="Store"/> (writes here raise no events); it checks its own presigned URLs.</summary>
    public FileSystemObjectStore Files { get; }

    /// <summary>The buckets, as the runtime sees them: writing here raises events.</summary>
    public Sdc.Storage.IObjectStore Store => _store;

    /// <summary>Progress, as it happens.</summary>
    public event Action<RuntimeActivity>? Activity;

    /// <summary>True when no event waits, nothing is being handled, and no execution runs.</summary>
    public bool IsIdle => _store.Events.Count == 0 && Volatile.Read(ref _busy) == 0 && _executions.Values.All(t => t.IsCompleted);

    /// <summary>Picks up where a previous runtime stopped, then routes events until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await RecoverAsync(cancellationToken);
        using var sweepTimer = new PeriodicTimer(_options.SweepInterval, _clock);
        var sweeping = SweepLoopAsync(sweepTimer, cancellationToken);
        try
        {
            await foreach (var created in _store.Events.ReadAllAsync(cancellationToken))
            {
                Interlocked.Increment(ref _busy);
                try
                {
                    await RouteAsync(created, cancellationToken);
                }
                finally
                {
                    Interlocked.Decrement(ref _busy);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        await sweeping;
    }

    /// <summary>Waits until the runtime is idle (the demo's "done").</summary>
    public async Task WaitForIdleAsync(CancellationToken cancellationToken)
    {
        var quietChecks = 0;
        while (quietChecks < 3)
        {
            await Task.Delay(100, cancellationToken);
            await Task.WhenAll(_executions.Values);
            quietChecks = IsIdle ? quietChecks + 1 : 0;
        }
        await _history.FlushAsync();
    }

    /// <summary>
    /// Builds each processor ahead of its first job (their run scripts build on first use), so
    /// the first jobs' times are the processors' own. One at a time: the builds share libraries.
    /// </summary>
    public async Task PrepareProcessorsAsync(CancellationToken cancellationToken)
    {
        // Only the repository's own processors build on first use; a command a test or operator names is theirs.
        foreach (var definition in _definitions.Values.Where(d => _options.ProcessorCommands?.ContainsKey(d.Name) != true))
        {
            var start = new System.Diagnostics.ProcessStartInfo(definition.Command)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
            };
            start.ArgumentList.Add("--help");
            using var process = System.Diagnostics.Process.Start(start)!;
            process.StandardInput.Close();
            var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(cancellationToken), process.StandardError.ReadToEndAsync(cancellationToken));
            await process.WaitForExitAsync(cancellationToken);
            await drain;
            Report("prepare", definition.Name, $"processor ready ({definition.Command})");
        }
    }

    /// <summary>Starts (or joins) the execution for a request; its name makes a duplicate start the same execution.</summary>
    public Task StartExecutionAsync(string executionName, PipelineRequest request, int stage = 0)
    {
        var input = new JsonObject
        {
            ["request"] = System.Text.Json.JsonSerializer.SerializeToNode(request, PipelineJsonContext.Default.PipelineRequest),
            ["stage"] = stage,
        };
        return _executions.GetOrAdd(executionName, name => RunExecutionAsync(name, input));
    }

    public async ValueTask DisposeAsync()
    {
        await _batch.DisposeAsync();
        await _history.DisposeAsync();
    }

    private async Task RunExecutionAsync(string name, JsonObject input)
    {
        Report("execution", name, "started");
        var execution = await _engine.Start(input, name).Completion;
        Report("execution", name, execution.Status == ExecutionStatus.Succeeded
            ? "succeeded"
            : $"{execution.Status.ToString().ToLowerInvariant()}: {execution.Error}: {execution.Cause}");
    }

    private async Task RouteAsync(ObjectCreated created, CancellationToken cancellationToken)
    {
        try
        {
            if (created.Bucket == Buckets.Inbox)
            {
                foreach (var report in await Ingest.Integrity.HandleAsync(created.Bucket, created.Key, cancellationToken))
                {
                    Report("ingest", report.FileName, $"{report.Outcome.ToString().ToLowerInvariant()} {report.Code}");
                }
            }
            else if (created.Bucket == Buckets.Archive && StartingRequest(created.Key) is { } request)
            {
                _ = StartExecutionAsync(ExecutionNames.ForManifest(created.Key), request);
            }
            else if (created.Bucket == Buckets.Products && created.Key.StartsWith(StorageLayout.UploadPrefix, StringComparison.Ordinal))
            {
                var (_, report) = await Ingest.Indexer.IndexUploadAsync(created.Key, cancellationToken);
                Report("upload", report.FileName, $"{report.Outcome.ToString().ToLowerInvariant()} {report.Code}");
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One bad event must not stop the runtime; the sweep and the next start look again.
            LocalLog.RouteFailed(_logger, created.Bucket, created.Key, e.Message);
            Report("error", created.Key, e.Message);
        }
    }

    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        foreach (var run in await _catalog.Jobs.ListRunsAsync(10_000, RunStatus.Running, cancellationToken))
        {
            var request = run.Input is null ? null : System.Text.Json.JsonSerializer.Deserialize(run.Input, PipelineJsonContext.Default.PipelineRequest);
            if (request is not null)
            {
                Report("recover", run.ExecutionName, "driving the unfinished run again");
                _ = StartExecutionAsync(run.ExecutionName, request);
            }
        }
        await StartUnrunManifestsAsync(cancellationToken);
        var sweep = await Ingest.Sweep.RunAsync(TimeSpan.Zero, cancellationToken);
        foreach (var report in sweep.Files)
        {
            Report("ingest", report.FileName, $"{report.Outcome.ToString().ToLowerInvariant()} {report.Code}");
        }
    }

    /// <summary>Manifests no execution has taken up: written before a crash, or by another process (`sdc ingest` beside `local up`).</summary>
    private async Task StartUnrunManifestsAsync(CancellationToken cancellationToken)
    {
        foreach (var prefix in (string[])[StorageLayout.ManifestPrefix, StorageLayout.RequestPrefix])
        {
            await foreach (var manifest in _store.ListAsync(Buckets.Archive, prefix, cancellationToken))
            {
                var name = ExecutionNames.ForManifest(manifest.Key);
                if (!_executions.ContainsKey(name) && await _catalog.Jobs.FindRunByNameAsync(name, cancellationToken) is null)
                {
                    _ = StartExecutionAsync(name, StartingRequest(manifest.Key)!);
                }
            }
        }
    }

    /// <summary>What an archive object starts, as the EventBridge rules do: a manifest a delivery run, a stored request its reprocessing run.</summary>
    private static PipelineRequest? StartingRequest(string key) =>
        key.StartsWith(StorageLayout.ManifestPrefix, StringComparison.Ordinal) ? new PipelineRequest(PipelineRequest.Delivery, key)
        : key.StartsWith(StorageLayout.RequestPrefix, StringComparison.Ordinal) ? new PipelineRequest(PipelineRequest.Stored, key)
        : null;

    private async Task SweepLoopAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Interlocked.Increment(ref _busy);
                try
                {
                    await Ingest.Sweep.RunAsync(null, cancellationToken);
                    await StartUnrunManifestsAsync(cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LocalLog.SweepFailed(_logger, e.Message);
                }
                finally
                {
                    Interlocked.Decrement(ref _busy);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void Report(string kind, string subject, string detail) => Activity?.Invoke(new RuntimeActivity(_clock.GetUtcNow(), kind, subject, detail));
}
