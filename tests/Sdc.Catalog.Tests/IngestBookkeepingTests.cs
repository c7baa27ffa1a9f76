namespace Sdc.Catalog.Tests;

/// <summary>
/// Deliveries, loose files, file problems, runs, jobs and messages, and ordered listing: the
/// catalog's side of ingest, run on both engines through <see cref="CatalogTests"/>.
/// </summary>
public abstract partial class CatalogTests
{
    private static readonly DateTimeOffset Now = new(2021, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private static DeliveryOpening Opening(string record = "emm_moc_20210302T000000_0001.pdr.json", params string[] names) =>
        new(record, "deliveries/2021/03/02/" + record, Now, (names.Length == 0 ? ["a.dat", "b.dat"] : names)
            .Select((n, i) => new DeliveryListedFile(n, 100 + i, new string((char)('a' + i), 32))).ToList());

    [Fact]
    public async Task DeliveriesOpenAsync_SameRecordTwice_KeepsTheFirstListing()
    {
        var first = await Catalog.Deliveries.OpenAsync(Opening(), Now, Ct);
        var second = await Catalog.Deliveries.OpenAsync(Opening(names: ["other.dat"]), Now.AddHours(1), Ct);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(["a.dat", "b.dat"], second.Files.Select(f => f.Name));
        Assert.Equal(DeliveryStatus.Waiting, second.Status);
        Assert.Equal(Now, second.ReceivedAt);
        Assert.All(second.Files, f => Assert.Null(f.Outcome));
    }

    [Fact]
    public async Task DeliveriesFindExpectedAsync_NameInTwoRecords_PrefersTheOneStillWaitingForIt()
    {
        var older = await Catalog.Deliveries.OpenAsync(Opening("emm_moc_20210302T000000_0001.pdr.json", "a.dat"), Now, Ct);
        var newer = await Catalog.Deliveries.OpenAsync(Opening("emm_moc_20210302T000000_0002.pdr.json", "a.dat"), Now, Ct);
        await Catalog.Deliveries.SetOutcomeAsync(newer.Id, "a.dat", DeliveryFileOutcome.Quarantined, null, Ct);

        var expected = await Catalog.Deliveries.FindExpectedAsync("a.dat", Ct);

        Assert.NotNull(expected);
        Assert.Equal(older.Id, expected.DeliveryId);
        Assert.Null(expected.Outcome);
        Assert.Null(await Catalog.Deliveries.FindExpectedAsync("never-listed.dat", Ct));
    }

    [Fact]
    public async Task DeliveriesSetOutcomeAsync_DuplicateAfterArchived_KeepsArchived()
    {
        var delivery = await Catalog.Deliveries.OpenAsync(Opening(), Now, Ct);
        var file = (await Catalog.Files.RegisterAsync(TestFiles.Product(), Ct)).File;

        await Catalog.Deliveries.SetOutcomeAsync(delivery.Id, "a.dat", DeliveryFileOutcome.Archived, file.Id, Ct);
        await Catalog.Deliveries.SetOutcomeAsync(delivery.Id, "a.dat", DeliveryFileOutcome.Duplicate, file.Id, Ct);
        await Catalog.Deliveries.SetOutcomeAsync(delivery.Id, "b.dat", DeliveryFileOutcome.Quarantined, null, Ct);

        var reread = await Catalog.Deliveries.FindByIdAsync(delivery.Id, Ct);
        Assert.Equal([DeliveryFileOutcome.Archived, DeliveryFileOutcome.Quarantined], reread!.Files.Select(f => f.Outcome!.Value));
        Assert.Equal(file.Id, reread.Files[0].FileId);
        Assert.True(reread.AllFilesSettled);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Catalog.Deliveries.SetOutcomeAsync(delivery.Id, "c.dat", DeliveryFileOutcome.Archived, null, Ct));
    }

    [Fact]
    public async Task DeliveriesCompleteAsync_Twice_CompletesOnceAndLeavesTheWaitingList()
    {
        var delivery = await Catalog.Deliveries.OpenAsync(Opening(), Now, Ct);
        Assert.Single(await Catalog.Deliveries.ListWaitingAsync(Ct));

        Assert.True(await Catalog.Deliveries.CompleteAsync(delivery.Id, "manifests/x.json", Now, Ct));
        Assert.False(await Catalog.Deliveries.CompleteAsync(delivery.Id, "manifests/other.json", Now, Ct));

        var reread = await Catalog.Deliveries.FindAsync(delivery.RecordName, Ct);
        Assert.Equal(DeliveryStatus.Complete, reread!.Status);
        Assert.Equal("manifests/x.json", reread.ManifestKey);
        Assert.Empty(await Catalog.Deliveries.ListWaitingAsync(Ct));
    }

    [Fact]
    public async Task DeliveriesLooseFiles_AddTwiceListRemove_KeepsEachOnceInArrivalOrder()
    {
        var first = (await Catalog.Files.RegisterAsync(TestFiles.Product(orbit: 1), Ct)).File;
        var second = (await Catalog.Files.RegisterAsync(TestFiles.Product(orbit: 2, start: TestFiles.Day0.AddHours(1)), Ct)).File;

        await Catalog.Deliveries.AddLooseAsync(second.Id, Now.AddSeconds(5), Ct);
        await Catalog.Deliveries.AddLooseAsync(first.Id, Now, Ct);
        await Catalog.Deliveries.AddLooseAsync(first.Id, Now.AddSeconds(9), Ct);

        Assert.Equal([(first.Id, Now), (second.Id, Now.AddSeconds(5))], (await Catalog.Deliveries.ListLooseAsync(Ct)).Select(f => (f.FileId, f.ArchivedAt)));
        await Catalog.Deliveries.RemoveLooseAsync([first.Id, second.Id], Ct);
        Assert.Empty(await Catalog.Deliveries.ListLooseAsync(Ct));
    }

    [Fact]
    public async Task ProblemsFlagAsync_ThenClear_ReplacesAndForgets()
    {
        var file = (await Catalog.Files.RegisterAsync(TestFiles.Product(), Ct)).File;

        await Catalog.Problems.FlagAsync(file.Id, FileProblemKind.Lost, "gone", Now, Ct);
        await Catalog.Problems.FlagAsync(file.Id, FileProblemKind.ChecksumMismatch, "bytes differ", Now.AddMinutes(1), Ct);

        var problem = Assert.Single(await Catalog.Problems.ListAsync(Ct));
        Assert.Equal((file.Id, file.Key, FileProblemKind.ChecksumMismatch, "bytes differ"), (problem.FileId, problem.Key, problem.Kind, problem.Detail));
        Assert.True(await Catalog.Problems.ClearAsync(file.Id, Ct));
        Assert.False(await Catalog.Problems.ClearAsync(file.Id, Ct));
        Assert.Empty(await Catalog.Problems.ListAsync(Ct));
    }

    [Fact]
    public async Task FilesListAsync_BucketAndPrefix_StreamsOnlyThoseInByteOrder()
    {
        foreach (var (hour, instrument) in new[] { (3, "emu"), (1, "exi"), (2, "emr"), (4, "exi") })
        {
            await Catalog.Files.RegisterAsync(TestFiles.Product(instrument: instrument, start: TestFiles.Day0.AddHours(hour)), Ct);
        }
        await Catalog.Files.RegisterAsync(TestFiles.Product(instrument: "exi", start: TestFiles.Day0.AddHours(5)) with { Bucket = "other" }, Ct);

        var all = new List<string>();
        await foreach (var file in Catalog.Files.ListAsync("sdc-archive", "", Ct))
        {
            all.Add(file.Key);
        }
        var exi = new List<string>();
        await foreach (var file in Catalog.Files.ListAsync("sdc-archive", "exi/", Ct))
        {
            exi.Add(file.Key);
        }

        Assert.Equal(4, all.Count);
        Assert.Equal(all.Order(StringComparer.Ordinal), all);
        Assert.Equal(2, exi.Count);
        Assert.All(exi, k => Assert.StartsWith("exi/", k, StringComparison.Ordinal));
    }

    [Fact]
    public async Task JobsCreateJobAsync_SameIdentityTwice_IsOneJobWithItsMessagesInOrder()
    {
        var run = await Catalog.Jobs.StartRunAsync("emm_moc_x", "manifests/x.json", RunKind.Delivery, Now, Ct);
        var again = await Catalog.Jobs.StartRunAsync("emm_moc_x", null, RunKind.Manual, Now.AddHours(1), Ct);
        var processor = await Catalog.Jobs.EnsureProcessorVersionAsync("exi", "1.0.0", "sha256:abc", ProcessorStage.Production, Now, Ct);
        Assert.Equal(processor, await Catalog.Jobs.EnsureProcessorVersionAsync("exi", "1.0.0", "sha256:other", ProcessorStage.Production, Now, Ct));

        var creation = new JobCreation(run.Id, "identity-1", "exi", "l1", processor, "production");
        var job = await Catalog.Jobs.CreateJobAsync(creation, Now, Ct);
        var same = await Catalog.Jobs.CreateJobAsync(creation with { Queue = "reprocessing" }, Now.AddHours(1), Ct);
        await Catalog.Jobs.AddMessagesAsync(job.Id,
            [new JobMessage("IDX-E002", MessageSeverity.Error, "second", Now.AddSeconds(2)), new JobMessage("EXI-W001", MessageSeverity.Warning, "first", Now.AddSeconds(1))], Ct);

        Assert.Equal(run.Id, again.Id);
        Assert.Equal((RunKind.Delivery, RunStatus.Running), (again.Kind, again.Status));
        Assert.Equal(job.Id, same.Id);
        Assert.Equal(("production", JobStatus.Scheduled, 0), (same.Queue, same.Status, same.Attempts));
        Assert.Equal(job.Id, (await Catalog.Jobs.FindJobByIdentityAsync("identity-1", Ct))!.Id);
        var messages = await Catalog.Jobs.GetMessagesAsync(job.Id, Ct);
        Assert.Equal(["first", "second"], messages.Select(m => m.Text));
        Assert.Equal(MessageSeverity.Warning, messages[0].Severity);
    }

    [Fact]
    public async Task JobsEnsureProcessorVersionAsync_PromotedVersion_ANewProductionVersionBesideTheOld()
    {
        var old = await Catalog.Jobs.EnsureProcessorVersionAsync("exi", "1.0.0", "sha256:abc", ProcessorStage.Production, Now, Ct);
        var staged = await Catalog.Jobs.EnsureProcessorVersionAsync("exi", "1.1.0", "sha256:def", ProcessorStage.Staging, Now.AddDays(1), Ct);

        // After `sdc processors promote exi 1.1.0` the planner asks for 1.1.0 in production.
        var promoted = await Catalog.Jobs.EnsureProcessorVersionAsync("exi", "1.1.0", "sha256:def", ProcessorStage.Production, Now.AddDays(2), Ct);
        // The planner's own path: a version production has not seen in any stage.
        var next = await Catalog.Jobs.EnsureProcessorVersionAsync("exi", "1.2.0", "sha256:fed", ProcessorStage.Production, Now.AddDays(3), Ct);
        var again = await Catalog.Jobs.EnsureProcessorVersionAsync("exi", "1.0.0", "sha256:abc", ProcessorStage.Production, Now.AddDays(4), Ct);

        Assert.Equal(staged, promoted);
        Assert.Equal(old, again);
        Assert.Equal(3, new[] { old, promoted, next }.Distinct().Count());
    }

    [Fact]
    public async Task JobsLifecycle_FailedJobPlannedByANewRun_IsRescheduledButASucceededOneIsNot()
    {
        var first = await Catalog.Jobs.StartRunAsync("run-1", null, RunKind.Delivery, Now, Ct, input: "{\"manifest\":\"m\"}");
        var processor = await Catalog.Jobs.EnsureProcessorVersionAsync("exi", "1.0.0", "sha256:abc", ProcessorStage.Production, Now, Ct);
        var failing = await Catalog.Jobs.CreateJobAsync(new JobCreation(first.Id, "failing", "exi", "l1", processor, "production") { Stage = 0, Spec = "{}" }, Now, Ct);
        var passing = await Catalog.Jobs.CreateJobAsync(new JobCreation(first.Id, "passing", "exi", "l1", processor, "production") { Stage = 0 }, Now, Ct);
        await Catalog.Jobs.StartJobAsync(failing.Id, Now, Ct);
        await Catalog.Jobs.FinishJobAsync(failing.Id, JobStatus.TimedOut, null, "Job attempt duration exceeded timeout", "jobs/x/log.txt", Now.AddMinutes(15), Ct);
        await Catalog.Jobs.StartJobAsync(passing.Id, Now, Ct);
        await Catalog.Jobs.FinishJobAsync(passing.Id, JobStatus.Warning, 3, null, null, Now.AddMinutes(1), Ct);
        await Catalog.Jobs.FinishRunAsync(first.Id, RunStatus.Error, "1 timed out", Now.AddMinutes(16), Ct);

        var second = await Catalog.Jobs.StartRunAsync("run-2", null, RunKind.Manual, Now.AddHours(1), Ct);
        var retried = await Catalog.Jobs.CreateJobAsync(new JobCreation(second.Id, "failing", "exi", "l1", processor, "production") { Stage = 1 }, Now.AddHours(1), Ct);
        var kept = await Catalog.Jobs.CreateJobAsync(new JobCreation(second.Id, "passing", "exi", "l1", processor, "production"), Now.AddHours(1), Ct);

        Assert.Equal((failing.Id, second.Id, JobStatus.Scheduled, 1, (int?)1), (retried.Id, retried.RunId, retried.Status, retried.Attempts, retried.Stage));
        Assert.Equal((first.Id, JobStatus.Warning, (int?)3), (kept.RunId, kept.Status, kept.ExitCode));
        Assert.True(kept.Succeeded);
        Assert.Equal([passing.Id], (await Catalog.Jobs.ListJobsAsync(first.Id, Ct)).Select(j => j.Id));
        var closed = await Catalog.Jobs.FindRunAsync(first.Id, Ct);
        Assert.Equal((RunStatus.Error, "1 timed out", "{\"manifest\":\"m\"}"), (closed!.Status, closed.Summary, closed.Input));
        Assert.Equal(["run-2"], (await Catalog.Jobs.ListRunsAsync(10, RunStatus.Running, Ct)).Select(r => r.ExecutionName));
        Assert.Equal(["run-2", "run-1"], (await Catalog.Jobs.ListRunsAsync(10, null, Ct)).Select(r => r.ExecutionName));
    }

    [Fact]
    public async Task JobsListProductsAsync_ProductsOfAStage_OnlyThoseItsJobsRegistered()
    {
        var run = await Catalog.Jobs.StartRunAsync("run", null, RunKind.Delivery, Now, Ct);
        var processor = await Catalog.Jobs.EnsureProcessorVersionAsync("exi", "1.0.0", "sha256:abc", ProcessorStage.Production, Now, Ct);
        var stage0 = await Catalog.Jobs.CreateJobAsync(new JobCreation(run.Id, "a", "exi", "l1", processor, "production") { Stage = 0 }, Now, Ct);
        var stage1 = await Catalog.Jobs.CreateJobAsync(new JobCreation(run.Id, "b", "exi", "l2", processor, "production") { Stage = 1 }, Now, Ct);
        await Catalog.Files.RegisterAsync(TestFiles.Product(level: "l1") with { JobId = stage0.Id }, Ct);
        await Catalog.Files.RegisterAsync(TestFiles.Product(level: "l2") with { JobId = stage1.Id }, Ct);
        await Catalog.Files.RegisterAsync(TestFiles.Product(level: "l1", orbit: 12, start: TestFiles.Day0.AddHours(6)), Ct);

        var products = await Catalog.Jobs.ListProductsAsync(run.Id, 0, Ct);

        Assert.Equal(["l1"], products.Select(p => p.Level));
        Assert.Equal(stage0.Id, products[0].JobId);
    }

    [Fact]
    public async Task JobsAppendHistoryAsync_SameEventsTwice_KeepsEachOnceInOrder()
    {
        ExecutionEvent[] events = [new(2, "TaskStateEntered", "Plan", null, Now), new(1, "ExecutionStarted", null, "{}", Now)];

        await Catalog.Jobs.AppendHistoryAsync("run", events, Ct);
        await Catalog.Jobs.AppendHistoryAsync("run", [events[0], new(3, "TaskFailed", "Plan", "boom", Now)], Ct);

        Assert.Equal([1, 2, 3], (await Catalog.Jobs.GetHistoryAsync("run", Ct)).Select(e => e.Seq));
    }
}
