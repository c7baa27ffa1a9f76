using System.Text;
using System.Text.Json;
using Sdc.Catalog;
using Sdc.Ingest.Indexing;
using Sdc.Ingest.Layout;
using Sdc.Ingest.Tests.Support;
using Sdc.Pipeline;

namespace Sdc.Functions.Tests;

/// <summary>
/// The four Lambda tasks of infra/pipeline.asl.json, each sent the JSON its state's
/// <c>Parameters</c> make, over a SQLite catalog and the file-system store holding one simulated
/// delivery, with the physical buckets and Batch names a staging deployment gives.
/// </summary>
public sealed class PipelineFunctionTests : IAsyncLifetime
{
    private const string ProductionQueue = "arn:aws:batch:eu-west-1:123456789012:job-queue/sdc-staging-production";
    private const string ReprocessingQueue = "arn:aws:batch:eu-west-1:123456789012:job-queue/sdc-staging-reprocessing";
    private const string DefinitionPrefix = "sdc-staging-";

    private static readonly BucketMap Physical = new(new Dictionary<string, string>
    {
        [Buckets.Inbox] = "emm-sdc-staging-inbox",
        [Buckets.Archive] = "emm-sdc-staging-archive",
        [Buckets.Products] = "emm-sdc-staging-products",
        [Buckets.Public] = "emm-sdc-staging-public",
    });

    private static readonly BatchNames Batch = BatchNames.From(new Dictionary<string, string>
    {
        [BatchNames.ProductionQueueVariable] = ProductionQueue,
        [BatchNames.ReprocessingQueueVariable] = ReprocessingQueue,
        [BatchNames.DefinitionPrefixVariable] = DefinitionPrefix,
    }.GetValueOrDefault);

    private IngestWorld? _world;
    private string? _manifest;

    private IngestWorld World => _world ?? throw new InvalidOperationException("Not initialised.");

    private PipelineTasks Tasks => new(World.Catalog, World.Services.Indexer, World.Clock);

    public async Task InitializeAsync()
    {
        _world = await IngestWorld.CreateAsync(Backend.FileSystemSqlite, null);
        await _world.DeliverAsync(await Simulations.GetAsync());
        _manifest = Assert.Single(await _world.KeysAsync(Buckets.Archive, StorageLayout.ManifestPrefix));
    }

    public async Task DisposeAsync()
    {
        if (_world is not null)
        {
            await _world.DisposeAsync();
        }
    }

    /// <summary>The planner as the Lambda composes it: versions.json from beside the binaries (the csproj ships it), s3:// locations.</summary>
    private PlanFunction NewPlanFunction() => new(
        new Planner(World.Mission, World.Catalog, World.Store, ProcessorVersions.Load(Path.Combine(AppContext.BaseDirectory, ProcessorVersions.FileName)),
            new S3FileLocator(Physical), World.Clock),
        Batch);

    private static async Task<JsonDocument> InvokeAsync(Func<Stream, Task<Stream>> handler, string json)
    {
        await using var output = await handler(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        return await JsonDocument.ParseAsync(output);
    }

    private async Task<List<JsonElement>> PlanDeliveryAsync(string execution)
    {
        using var plan = await InvokeAsync(NewPlanFunction().HandleAsync,
            $$"""{"execution":"{{execution}}","request":{"kind":"delivery","manifest":"{{_manifest}}"},"stage":0}""");
        return [.. plan.RootElement.GetProperty("jobs").EnumerateArray().Select(j => j.Clone())];
    }

    [Fact]
    public async Task PlanFunction_DeliveryManifest_PlansJobsOnTheDeploymentsQueueAndDefinitions()
    {
        using var plan = await InvokeAsync(NewPlanFunction().HandleAsync,
            $$"""{"execution":"delivery-1","request":{"kind":"delivery","manifest":"{{_manifest}}"},"stage":0}""");

        var jobs = plan.RootElement.GetProperty("jobs").EnumerateArray().ToList();
        Assert.Equal(jobs.Count, plan.RootElement.GetProperty("jobCount").GetInt32());
        Assert.Equal(["emr", "emu", "exi"], jobs.Select(j => j.GetProperty("instrument").GetString()).Distinct().Order(StringComparer.Ordinal));
        Assert.All(jobs, job =>
        {
            var instrument = job.GetProperty("instrument").GetString();
            Assert.Equal(ProductionQueue, job.GetProperty("queue").GetString());
            Assert.Equal(DefinitionPrefix + instrument, job.GetProperty("definition").GetString());
            using var spec = JsonDocument.Parse(job.GetProperty("spec").GetString()!);
            Assert.All(spec.RootElement.GetProperty("inputs").EnumerateArray(),
                input => Assert.StartsWith("s3://emm-sdc-staging-archive/", input.GetProperty("location").GetString(), StringComparison.Ordinal));
            Assert.Equal("s3://emm-sdc-staging-products/" + job.GetProperty("outputPrefix").GetString(), spec.RootElement.GetProperty("outputPrefix").GetString());
        });
        // The catalog keeps the logical names: later stages and the local runtime read them.
        var stored = await World.Catalog.Jobs.FindJobAsync(jobs[0].GetProperty("jobId").GetInt64(), World.Ct);
        Assert.Equal((Queues.Production, jobs[0].GetProperty("instrument").GetString()), (stored!.Queue, stored.Definition));
    }

    [Fact]
    public async Task PlanFunction_WithJobFiles_StoresEachJobFileAndPassesItsS3Location()
    {
        var function = new PlanFunction(
            new Planner(World.Mission, World.Catalog, World.Store, ProcessorVersions.Load(Path.Combine(AppContext.BaseDirectory, ProcessorVersions.FileName)),
                new S3FileLocator(Physical), World.Clock),
            Batch,
            new JobFiles(World.Store, new S3FileLocator(Physical)));

        using var plan = await InvokeAsync(function.HandleAsync,
            $$"""{"execution":"delivery-files","request":{"kind":"delivery","manifest":"{{_manifest}}"},"stage":0}""");

        var jobs = plan.RootElement.GetProperty("jobs").EnumerateArray().ToList();
        Assert.NotEmpty(jobs);
        foreach (var job in jobs)
        {
            var prefix = job.GetProperty("outputPrefix").GetString()!;
            // SDC_JOB gets a location the job's processor can read, not the JSON (Batch caps overrides at a few KiB).
            Assert.Equal($"s3://emm-sdc-staging-products/{prefix}job.json", job.GetProperty("spec").GetString());
            using var stored = JsonDocument.Parse(await World.ReadAsync(Buckets.Products, prefix + JobFiles.FileName));
            Assert.Equal(job.GetProperty("instrument").GetString(), stored.RootElement.GetProperty("instrument").GetString());
            Assert.Equal("s3://emm-sdc-staging-products/" + prefix, stored.RootElement.GetProperty("outputPrefix").GetString());
        }
    }

    [Fact]
    public async Task PlanFunction_ReprocessingRequest_PlansOnTheReprocessingQueue()
    {
        using var plan = await InvokeAsync(NewPlanFunction().HandleAsync,
            """{"execution":"reprocess-exi","request":{"kind":"reprocessing","instrument":"exi","from":"2021-02-23T00:00:00Z","to":"2021-02-26T00:00:00Z"},"stage":0}""");

        var jobs = plan.RootElement.GetProperty("jobs").EnumerateArray().ToList();
        Assert.NotEmpty(jobs);
        Assert.All(jobs, job => Assert.Equal((ReprocessingQueue, "sdc-staging-exi"), (job.GetProperty("queue").GetString(), job.GetProperty("definition").GetString())));
    }

    [Fact]
    public async Task PlanFunction_PayloadWithoutExecution_FailsNamingTheField()
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            NewPlanFunction().HandleAsync(new MemoryStream("""{"request":{"kind":"delivery","manifest":"m"},"stage":0}"""u8.ToArray())));

        Assert.Contains("\"execution\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("Plan", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndexFunction_JobOutputs_IndexesTheProductsAndRecordsTheJobOk()
    {
        var job = (await PlanDeliveryAsync("index-1")).First(j => j.GetProperty("instrument").GetString() == "exi");
        var (jobId, prefix) = (job.GetProperty("jobId").GetInt64(), job.GetProperty("outputPrefix").GetString()!);
        var start = new DateTimeOffset(2021, 2, 24, 1, 0, 0, TimeSpan.Zero);
        const string name = "emm_exi_l1_20210224T010000_0001_f635_v01-00.fits";
        await new JobOutputsBuilder("j1").Add(name, JobOutputsBuilder.Fits("exi", "l1", "01-00", start, start.AddMinutes(5)), "exi", "l1", "f635",
            start, start.AddMinutes(5), 1, "01-00", []).WriteAsync(World.Store, prefix, World.Ct);

        using var result = await InvokeAsync(new IndexFunction(Tasks).HandleAsync, $$"""{"jobId":{{jobId}},"outputPrefix":"{{prefix}}","exitCode":0}""");

        Assert.Equal((jobId, 1, 0), (result.RootElement.GetProperty("jobId").GetInt64(), result.RootElement.GetProperty("indexed").GetInt32(),
            result.RootElement.GetProperty("refused").GetInt32()));
        var stored = await World.Catalog.Jobs.FindJobAsync(jobId, World.Ct);
        Assert.Equal((JobStatus.Ok, 0), (stored!.Status, stored.ExitCode));
    }

    [Fact]
    public async Task IndexFunction_NoOutputsJson_FailsWithTheNameTheStateMachineCatches()
    {
        var job = (await PlanDeliveryAsync("index-2"))[0];

        var error = await Assert.ThrowsAsync<JobOutputsException>(() => new IndexFunction(Tasks).HandleAsync(new MemoryStream(Encoding.UTF8.GetBytes(
            $$"""{"jobId":{{job.GetProperty("jobId").GetInt64()}},"outputPrefix":"{{job.GetProperty("outputPrefix").GetString()}}","exitCode":0}"""))));

        Assert.Equal(nameof(JobOutputsException), error.GetType().Name);
    }

    [Fact]
    public async Task RecordJobFunction_BatchFailureAndTimeout_RecordsErrorAndTimedOut()
    {
        var jobs = await PlanDeliveryAsync("record-1");
        var (failed, timedOut) = (jobs[0].GetProperty("jobId").GetInt64(), jobs[1].GetProperty("jobId").GetInt64());
        var function = new RecordJobFunction(Tasks);
        var failure = JsonSerializer.Serialize(new JobFailure(failed, "States.TaskFailed",
            """{"Status":"FAILED","StatusReason":"Essential container in task exited","Container":{"ExitCode":1}}"""), PipelineJsonContext.Default.JobFailure);

        using var failedResult = await InvokeAsync(function.HandleAsync, failure);
        using var timedOutResult = await InvokeAsync(function.HandleAsync,
            $$"""{"jobId":{{timedOut}},"error":"States.TaskFailed","cause":"{\"StatusReason\":\"{{PipelineTasks.TimeoutReason}}\"}"}""");

        Assert.Equal((int)JobStatus.Error, failedResult.RootElement.GetProperty("status").GetInt32());
        Assert.Equal((int)JobStatus.TimedOut, timedOutResult.RootElement.GetProperty("status").GetInt32());
        var (first, second) = (await World.Catalog.Jobs.FindJobAsync(failed, World.Ct), await World.Catalog.Jobs.FindJobAsync(timedOut, World.Ct));
        Assert.Equal((JobStatus.Error, 1), (first!.Status, first.ExitCode));
        Assert.Equal(JobStatus.TimedOut, second!.Status);
        Assert.StartsWith("States.TaskFailed: ", first.StatusReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordJobFunction_BatchFailedAJobThatExited3_IndexesItsProductsAsWarning()
    {
        // Batch calls exit 3 a failure; the processor contract calls it OK with warnings.
        var job = (await PlanDeliveryAsync("record-3")).First(j => j.GetProperty("instrument").GetString() == "exi");
        var (jobId, prefix) = (job.GetProperty("jobId").GetInt64(), job.GetProperty("outputPrefix").GetString()!);
        var start = new DateTimeOffset(2021, 2, 24, 2, 0, 0, TimeSpan.Zero);
        await new JobOutputsBuilder("j3").Add("emm_exi_l1_20210224T020000_0001_f635_v01-00.fits", JobOutputsBuilder.Fits("exi", "l1", "01-00", start, start.AddMinutes(5)),
            "exi", "l1", "f635", start, start.AddMinutes(5), 1, "01-00", []).WriteAsync(World.Store, prefix, World.Ct);
        var failure = JsonSerializer.Serialize(new JobFailure(jobId, "States.TaskFailed",
            """{"Status":"FAILED","StatusReason":"Essential container in task exited","Container":{"ExitCode":3,"LogStreamName":"exi/default/1"}}"""),
            PipelineJsonContext.Default.JobFailure);

        using var result = await InvokeAsync(new RecordJobFunction(Tasks).HandleAsync, failure);

        Assert.Equal((int)JobStatus.Warning, result.RootElement.GetProperty("status").GetInt32());
        var stored = await World.Catalog.Jobs.FindJobAsync(jobId, World.Ct);
        Assert.Equal((JobStatus.Warning, 3), (stored!.Status, stored.ExitCode));
        Assert.Single((await World.Catalog.Files.SearchAsync(new FileQuery { Instrument = "exi", Level = "l1", Limit = 10 }, World.Ct)).Items,
            f => f.Key.EndsWith("emm_exi_l1_20210224T020000_0001_f635_v01-00.fits", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecordJobFunction_Exit3WithoutOutputs_RecordsErrorSayingWhy()
    {
        var job = (await PlanDeliveryAsync("record-4"))[0];
        var jobId = job.GetProperty("jobId").GetInt64();

        using var result = await InvokeAsync(new RecordJobFunction(Tasks).HandleAsync, JsonSerializer.Serialize(new JobFailure(jobId, "States.TaskFailed",
            """{"Status":"FAILED","Container":{"ExitCode":3}}"""), PipelineJsonContext.Default.JobFailure));

        Assert.Equal((int)JobStatus.Error, result.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("could not be indexed", (await World.Catalog.Jobs.FindJobAsync(jobId, World.Ct))!.StatusReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordJobFunction_PayloadWithoutJobId_FailsNamingTheField()
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            new RecordJobFunction(Tasks).HandleAsync(new MemoryStream("""{"error":"States.Timeout","cause":""}"""u8.ToArray())));

        Assert.Contains("\"jobId\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeFunction_RunWithAFailedJob_ClosesTheRunAsError()
    {
        var jobs = await PlanDeliveryAsync("summarize-1");
        await Tasks.RecordFailureAsync(new JobFailure(jobs[0].GetProperty("jobId").GetInt64(), "States.TaskFailed", "exit code 1"), World.Ct);

        using var summary = await InvokeAsync(new SummarizeFunction(Tasks).HandleAsync, """{"execution":"summarize-1"}""");

        var run = await World.Catalog.Jobs.FindRunByNameAsync("summarize-1", World.Ct);
        Assert.Equal((RunStatus.Error, true), (run!.Status, run.FinishedAt is not null));
        Assert.Equal((int)RunStatus.Error, summary.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(1, summary.RootElement.GetProperty("jobs").GetProperty("ERROR").GetInt32());
    }

    [Fact]
    public async Task SummarizeFunction_RunThatPlannedNothing_ClosesTheRunOk()
    {
        using (await InvokeAsync(NewPlanFunction().HandleAsync,
            """{"execution":"quiet","request":{"kind":"reprocessing","instrument":"exi","from":"2030-01-01T00:00:00Z","to":"2030-01-02T00:00:00Z"},"stage":0}"""))
        {
        }

        using var summary = await InvokeAsync(new SummarizeFunction(Tasks).HandleAsync, """{"execution":"quiet"}""");

        var run = await World.Catalog.Jobs.FindRunByNameAsync("quiet", World.Ct);
        Assert.Equal((RunStatus.Ok, true), (run!.Status, run.FinishedAt is not null));
        Assert.Equal("nothing to process", summary.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task SummarizeFunction_PlanFailure_ClosesTheRunWithThePlannersError()
    {
        using var summary = await InvokeAsync(new SummarizeFunction(Tasks).HandleAsync,
            """{"execution":"plan-failed","error":"InvalidDataException","cause":"The Plan task's payload has no \"execution\""}""");

        var run = await World.Catalog.Jobs.FindRunByNameAsync("plan-failed", World.Ct);
        Assert.Equal(RunStatus.Error, run!.Status);
        Assert.StartsWith("planning failed: InvalidDataException", summary.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}
