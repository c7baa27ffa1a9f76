using System.Globalization;
using System.Text.Json.Nodes;
using Sdc.Mission;
using Sdc.Pipeline;
using Sdc.Promotion.Reports;

namespace Sdc.Promotion.Runs;

/// <summary>
/// Runs one processor over the reference set the way the pipeline would: stage after stage (Level
/// 0 → 1, then 1 → 2 and quicklooks), each stage's jobs at once, each later stage fed with what
/// this processor made before, until no step reads what was made. Each job gets a folder
/// <c>&lt;folder&gt;/&lt;label&gt;/</c> with its <c>job.json</c> (to run again by hand: <c>&lt;processor&gt; --job job.json</c>)
/// and its products under <c>out/</c>. The first stage with a failed job ends the chain.
/// </summary>
public sealed class ProcessingChain(IProcessorRunner runner, ValidationJobPlanner planner, ProcessorSpec processor)
{
    /// <summary>A bound on levels, as the planner has: a step cycle in mission.yaml must not loop forever.</summary>
    private const int MaxStages = 8;

    /// <summary>Both processors' products carry the same product version, so their names can match exactly.</summary>
    public const string ProductVersion = "01-00";

    /// <summary>Messages kept per job in the report: the errors and warnings that explain a failure, not a flood.</summary>
    private const int MaxMessages = 20;

    public async Task<ChainResult> RunAsync(string role, ProcessorRelease release, string folder, DateTimeOffset creation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(release);
        var runs = new List<RunRecord>();
        var products = new List<ProducedFile>();
        var jobs = planner.FirstStage();
        for (var stage = 0; stage < MaxStages && jobs.Count > 0; stage++)
        {
            var done = await Task.WhenAll(jobs.Select(job => RunJobAsync(role, release, job, folder, creation, cancellationToken)));
            runs.AddRange(done.Select(d => d.Record));
            var made = done.SelectMany(d => d.Products).ToList();
            products.AddRange(made);
            if (done.Any(d => !d.Record.Succeeded))
            {
                return new ChainResult(role, runs, products, Completed: false);
            }
            jobs = planner.NextStage(made);
        }
        return new ChainResult(role, runs, products, Completed: true);
    }

    private async Task<(RunRecord Record, IReadOnlyList<ProducedFile> Products)> RunJobAsync(
        string role, ProcessorRelease release, PlannedJob job, string folder, DateTimeOffset creation, CancellationToken cancellationToken)
    {
        var jobFolder = Directory.CreateDirectory(Path.Combine(folder, job.Label)).FullName;
        var output = Path.Combine(jobFolder, "out");
        // The same job id for both: products stamp it (JOBID), and identical processors should make identical files.
        var json = Spec($"validation-{job.Label}", release, job, output + Path.DirectorySeparatorChar, creation).ToJsonString(new() { WriteIndented = true });
        var jobName = $"{role}-{job.Label}";
        await File.WriteAllTextAsync(Path.Combine(jobFolder, "job.json"), json, cancellationToken);

        var result = await runner.RunAsync(new ProcessorRunRequest(role, jobName, json, processor.TimeoutSeconds), cancellationToken);
        var reason = result.Succeeded ? (result.ExitCode == 3 ? "OK with warnings" : "OK") : result.StatusReason;
        IReadOnlyList<ProducedFile> made = [];
        var succeeded = result.Succeeded;
        if (succeeded)
        {
            try
            {
                made = await OutputsManifest.ReadAsync(output, cancellationToken);
            }
            catch (InvalidDataException e)
            {
                // Exit 0 without a usable outputs.json breaks the contract: the job failed, whatever its exit code said.
                succeeded = false;
                reason = e.Message;
            }
        }
        var step = $"{job.Step.From} → {string.Join(", ", job.Step.Produces)}";
        var messages = result.Messages.Where(m => m.Severity is "error" or "warning").ToList();
        var record = new RunRecord(role, jobName, step, job.Inputs.Count, result.ExitCode, succeeded, reason,
            Math.Round(result.Duration.TotalSeconds, 3), made.Count,
            result.Messages.Count(m => m.Severity == "warning"), result.Messages.Count(m => m.Severity == "error"),
            [.. messages.Take(MaxMessages).Select(m => $"{m.Code}: {m.Text}")], result.Log);
        return (record, made);
    }

    private static JsonObject Spec(string jobId, ProcessorRelease release, PlannedJob job, string outputPrefix, DateTimeOffset creation)
    {
        JsonArray Files(IEnumerable<JobInput> files) => new([.. files.Select(f => (JsonNode)new JsonObject
        {
            ["location"] = f.Path,
            ["name"] = f.Name,
            ["size"] = f.Size,
            ["md5"] = f.Md5,
            ["sha256"] = f.Sha256,
            ["type"] = f.Type,
        })]);
        return new JsonObject
        {
            ["jobId"] = jobId,
            ["instrument"] = release.Instrument,
            ["from"] = job.Step.From,
            ["produces"] = new JsonArray([.. job.Step.Produces.Select(p => (JsonNode)p)]),
            ["processor"] = new JsonObject { ["name"] = release.Name, ["version"] = release.Version, ["image"] = release.ImageReference },
            ["inputs"] = Files(job.Inputs),
            ["kernels"] = Files(job.Kernels),
            ["calibration"] = Files(job.Calibration),
            ["outputPrefix"] = outputPrefix,
            ["productVersion"] = ProductVersion,
            ["creationTime"] = creation.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["parameters"] = new JsonObject(),
        };
    }
}
