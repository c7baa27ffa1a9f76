using System.Globalization;
using Sdc.Catalog;
using Sdc.Ingest;
using Sdc.Ingest.Indexing;

namespace Sdc.Pipeline;

/// <summary>
/// The Index, RecordFailure and Summarize tasks of pipeline.asl.json: they turn what happened to
/// each job into its PROBA2-style status (OK, WARNING, ERROR, TIMED_OUT) with a reason, and close
/// the run with a status of its own.
/// </summary>
public sealed class PipelineTasks(ICatalog catalog, IndexerHandler indexer, TimeProvider clock)
{
    /// <summary>AWS Batch's reason when a job outlives its attempt duration (and the local runner's too).</summary>
    public const string TimeoutReason = "Job attempt duration exceeded timeout";

    /// <summary>Indexes a finished job; OK or WARNING (exit 3, or a product refused with the rest indexed); a malformed outputs.json fails the task.</summary>
    public async Task<IndexTaskResult> IndexAsync(IndexTaskRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var report = await indexer.IndexJobAsync(new IndexRequest(request.JobId, request.OutputPrefix), cancellationToken);
        var status = report.Refused.Count > 0 && report.Indexed.Count == 0 ? JobStatus.Error
            : report.Refused.Count > 0 || request.ExitCode == 3 ? JobStatus.Warning
            : JobStatus.Ok;
        var reason = report.Refused.Count == 0 ? null : $"{report.Refused.Count} product(s) refused at indexing: {report.Refused[0].Message}";
        await catalog.Jobs.FinishJobAsync(request.JobId, status, request.ExitCode, reason, $"{request.OutputPrefix}log.txt", clock.GetUtcNow(), cancellationToken);
        return new IndexTaskResult(request.JobId, status, report.Indexed.Count, report.Refused.Count);
    }

    /// <summary>Records a job that failed, timed out, or could not be indexed, with the reason the state machine caught.</summary>
    public async Task<JobStatus> RecordFailureAsync(JobFailure failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var cause = failure.Cause ?? "";
        var timedOut = failure.Error == "States.Timeout" || cause.Contains(TimeoutReason, StringComparison.OrdinalIgnoreCase);
        var status = timedOut ? JobStatus.TimedOut : JobStatus.Error;
        var exitCode = ExitCodeIn(cause);
        var reason = $"{failure.Error}: {(cause.Length > 2000 ? cause[..2000] + "…" : cause)}";
        var job = await catalog.Jobs.FindJobAsync(failure.JobId, cancellationToken);
        // AWS Batch fails every job whose container exits non-zero, so a processor's "OK with
        // warnings" (exit 3) arrives here on AWS as States.TaskFailed, its products written. Index
        // them and record WARNING, as the Index task does for the same exit on one machine; only
        // outputs that cannot be indexed make it an error after all.
        if (!timedOut && exitCode == 3 && failure.Error == "States.TaskFailed" && job?.OutputPrefix is { } outputs)
        {
            try
            {
                return (await IndexAsync(new IndexTaskRequest(failure.JobId, outputs, exitCode), cancellationToken)).Status;
            }
            catch (JobOutputsException e)
            {
                reason = $"exit 3 (OK with warnings), but its outputs could not be indexed: {e.Message}";
            }
        }
        await catalog.Jobs.FinishJobAsync(failure.JobId, status, exitCode, reason, job?.OutputPrefix is { } prefix ? prefix + "log.txt" : null, clock.GetUtcNow(),
            cancellationToken);
        await catalog.Jobs.AddMessagesAsync(failure.JobId, [new JobMessage(timedOut ? "SDC-E002" : "SDC-E001", MessageSeverity.Error, reason, clock.GetUtcNow())],
            cancellationToken);
        return status;
    }

    /// <summary>Closes the run: ERROR if planning failed or any job failed or timed out, WARNING if any warned, else OK.</summary>
    public async Task<RunSummary> SummarizeAsync(RunSummaryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var run = await catalog.Jobs.FindRunByNameAsync(request.Execution, cancellationToken)
            ?? await catalog.Jobs.StartRunAsync(request.Execution, null, RunKind.Manual, clock.GetUtcNow(), cancellationToken);
        var jobs = await catalog.Jobs.ListJobsAsync(run.Id, cancellationToken);
        var counts = jobs.GroupBy(j => j.Status).ToDictionary(g => StatusText(g.Key), g => g.Count(), StringComparer.Ordinal);
        var status = request.Error is not null || jobs.Any(j => j.Status is JobStatus.Error or JobStatus.TimedOut or JobStatus.Scheduled or JobStatus.Processing)
            ? RunStatus.Error
            : jobs.Any(j => j.Status == JobStatus.Warning) ? RunStatus.Warning : RunStatus.Ok;
        var text = request.Error is not null
            ? $"planning failed: {request.Error}: {request.Cause}"
            : jobs.Count == 0 ? "nothing to process" : string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Value} {c.Key}"));
        await catalog.Jobs.FinishRunAsync(run.Id, status, text, clock.GetUtcNow(), cancellationToken);
        return new RunSummary(run.Id, request.Execution, status, counts, text);
    }

    public static string StatusText(JobStatus status) => status switch
    {
        JobStatus.TimedOut => "TIMED_OUT",
        _ => status.ToString().ToUpperInvariant(),
    };

    private static int? ExitCodeIn(string cause)
    {
        var match = System.Text.RegularExpressions.Regex.Match(cause, @"""ExitCode""\s*:\s*(\d+)|exit code (\d+)");
        var text = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
        return match.Success && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : null;
    }
}
