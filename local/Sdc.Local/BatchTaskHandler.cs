using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sdc.Catalog;
using Sdc.Ingest.Layout;
using Sdc.Local.Batch;
using Sdc.States.Errors;
using Sdc.States.Tasks;
using Sdc.Storage;

namespace Sdc.Local;

/// <summary>
/// <c>arn:aws:states:::batch:submitJob.sync</c> on one machine: the state's SubmitJob parameters
/// (JobName, JobQueue, JobDefinition, ContainerOverrides.Environment, Timeout) go to the local
/// runner; success returns what Step Functions returns (Status, Container.ExitCode,
/// Container.LogStreamName), failure fails the task with <c>States.TaskFailed</c> and a cause in
/// AWS's shape, so pipeline.asl.json's Catch sees the same thing on both sides. The job's
/// PROCESSING status, and its messages, are recorded in the catalog as it runs.
/// </summary>
public sealed class BatchTaskHandler(LocalBatch batch, ICatalog catalog, IObjectStore store) : ITaskHandler
{
    public async Task<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var input = invocation.Input as JsonObject ?? throw new StatesException("Batch.ClientException", "SubmitJob needs an object of parameters.");
        var name = Text(input, "JobName");
        var jobId = JobIdOf(name);
        var job = await catalog.Jobs.FindJobAsync(jobId, cancellationToken)
            ?? throw new StatesException("Batch.ClientException", $"Job {name}: no job {jobId} in the catalog.");
        var environment = (input["ContainerOverrides"]?["Environment"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .ToDictionary(e => e["Name"]!.GetValue<string>(), e => e["Value"]!.GetValue<string>(), StringComparer.Ordinal);
        var timeout = input["Timeout"]?["AttemptDurationSeconds"]?.GetValue<int>() ?? 3600;
        var prefix = job.OutputPrefix ?? $"{StorageLayout.JobOutputPrefix}{jobId}/";

        // Ran to completion before the runtime stopped, but was not indexed: do not run it again.
        if (await CompletedOutputsAsync(prefix, cancellationToken) is { } earlierExit)
        {
            return Succeeded(earlierExit, prefix + "log.txt");
        }

        var result = await batch.SubmitAndWaitAsync(
            new BatchJobRequest(name, Text(input, "JobQueue"), Text(input, "JobDefinition"), environment, timeout, Buckets.Products, prefix + "log.txt")
            {
                OnStarted = startedAt => catalog.Jobs.StartJobAsync(jobId, startedAt, CancellationToken.None),
            },
            cancellationToken);
        await catalog.Jobs.ProcessorStoppedAsync(jobId, result.StoppedAt, cancellationToken);
        await catalog.Jobs.AddMessagesAsync(jobId, result.Messages.Select(m => new JobMessage(m.Code, Severity(m.Severity), m.Text, result.StoppedAt)).ToList(),
            cancellationToken);
        if (result.Status == BatchJobStatus.Succeeded)
        {
            return Succeeded(result.ExitCode ?? 0, result.LogKey);
        }
        var cause = new JsonObject
        {
            ["JobName"] = name,
            ["Status"] = "FAILED",
            ["StatusReason"] = result.StatusReason,
            ["Container"] = new JsonObject { ["ExitCode"] = result.ExitCode, ["LogStreamName"] = result.LogKey },
        };
        throw new StatesException("States.TaskFailed", cause.ToJsonString());
    }

    private static JsonObject Succeeded(int exitCode, string logKey) => new()
    {
        ["Status"] = "SUCCEEDED",
        ["Container"] = new JsonObject { ["ExitCode"] = exitCode, ["LogStreamName"] = logKey },
    };

    private async Task<int?> CompletedOutputsAsync(string prefix, CancellationToken cancellationToken)
    {
        if (await store.HeadAsync(Buckets.Products, prefix + "outputs.json", cancellationToken) is null)
        {
            return null;
        }
        await using var stream = await store.OpenReadAsync(Buckets.Products, prefix + "outputs.json", cancellationToken);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        return document.RootElement.TryGetProperty("status", out var status) ? status.GetString() switch
        {
            "OK" => 0,
            "WARNING" => 3,
            _ => null,
        } : null;
    }

    private static long JobIdOf(string jobName)
    {
        var at = jobName.LastIndexOf("-j", StringComparison.Ordinal);
        return at >= 0 && long.TryParse(jobName.AsSpan(at + 2), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new StatesException("Batch.ClientException", $"Job name '{jobName}' does not end in -j<catalog job id>.");
    }

    private static string Text(JsonObject input, string name) =>
        input[name]?.GetValue<string>() ?? throw new StatesException("Batch.ClientException", $"SubmitJob needs {name}.");

    private static MessageSeverity Severity(string severity) => severity.ToUpperInvariant() switch
    {
        "ERROR" => MessageSeverity.Error,
        "WARNING" => MessageSeverity.Warning,
        _ => MessageSeverity.Info,
    };
}
