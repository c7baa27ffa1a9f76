using System.Diagnostics;
using Sdc.Local.Batch.Tests.Support;

namespace Sdc.Local.Batch.Tests;

/// <summary>Ending jobs from outside: timeout, cancellation, disposal; and nothing a job started survives it.</summary>
public sealed class TimeoutAndCancellationTests
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    /// <summary>A job that starts a grandchild, records both pids, and waits for ever.</summary>
    private const string Hang = """
        sleep 1000 &
        echo $! > "$MARKS/$JOB.grandchild"
        echo $$ > "$MARKS/$JOB.pid"
        echo started
        wait
        """;

    [Fact]
    public async Task SubmitAndWaitAsync_TimeoutExceeded_TimedOutAndProcessTreeGone()
    {
        await using var scratch = new BatchScratch();
        var runner = scratch.Runner(1, new JobDefinition("hang", scratch.Script("hang", Hang)));
        var clock = Stopwatch.StartNew();

        var result = await runner.SubmitAndWaitAsync(scratch.Request("job", "hang", timeoutSeconds: 1), CancellationToken.None);

        Assert.Equal(BatchJobStatus.TimedOut, result.Status);
        Assert.Null(result.ExitCode);
        Assert.Equal("Job attempt duration exceeded timeout of 1 seconds", result.StatusReason);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15));
        Assert.True(await Processes.StopsAsync(await Processes.WaitForPidAsync(scratch.Mark("job.pid")), Prompt), "the job's process survived its timeout");
        Assert.True(await Processes.StopsAsync(await Processes.WaitForPidAsync(scratch.Mark("job.grandchild")), Prompt), "the job's grandchild survived its timeout");
        var log = await scratch.ReadLogAsync(result.LogKey);
        Assert.Contains(" out started\n", log, StringComparison.Ordinal);
        Assert.Contains(" batch TimedOut: Job attempt duration exceeded timeout of 1 seconds\n", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitAndWaitAsync_JobExitsLeavingGrandchild_GrandchildKilledAndResultPrompt()
    {
        await using var scratch = new BatchScratch();
        // The grandchild keeps stdout open: were it left running, the runner would wait for its output.
        var runner = scratch.Runner(1, new JobDefinition("leaver", scratch.Script("leaver", """
            sleep 1000 &
            echo $! > "$MARKS/$JOB.grandchild"
            exit 0
            """)));
        var clock = Stopwatch.StartNew();

        var result = await runner.SubmitAndWaitAsync(scratch.Request("job", "leaver"), CancellationToken.None);

        Assert.Equal(BatchJobStatus.Succeeded, result.Status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed}");
        Assert.True(await Processes.StopsAsync(await Processes.WaitForPidAsync(scratch.Mark("job.grandchild")), Prompt), "a process the job left running survived it");
        Assert.DoesNotContain("output still open", await scratch.ReadLogAsync(result.LogKey), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitAndWaitAsync_CancelledWhileRunning_KillsProcessTreeWritesLogAndThrows()
    {
        await using var scratch = new BatchScratch();
        var runner = scratch.Runner(1, new JobDefinition("hang", scratch.Script("hang", Hang)));
        using var cancel = new CancellationTokenSource();

        var job = runner.SubmitAndWaitAsync(scratch.Request("job", "hang"), cancel.Token);
        var pid = await Processes.WaitForPidAsync(scratch.Mark("job.pid"));
        var grandchild = await Processes.WaitForPidAsync(scratch.Mark("job.grandchild"));
        await cancel.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job);
        Assert.Equal(cancel.Token, error.CancellationToken);
        Assert.True(await Processes.StopsAsync(pid, Prompt), "the cancelled job's process survived");
        Assert.True(await Processes.StopsAsync(grandchild, Prompt), "the cancelled job's grandchild survived");
        Assert.Contains("Terminated: the submitter cancelled the job", await scratch.ReadLogAsync("jobs/job.log"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitAndWaitAsync_CancelledWhileQueued_ThrowsAndNeverStarts()
    {
        await using var scratch = new BatchScratch();
        var command = scratch.Script("gate", """
            echo started > "$MARKS/$JOB.started"
            while [ ! -e "$MARKS/release" ]; do sleep 0.05; done
            """);
        var runner = scratch.Runner(1, new JobDefinition("gate", command));
        using var cancel = new CancellationTokenSource();

        var first = runner.SubmitAndWaitAsync(scratch.Request("first", "gate"), CancellationToken.None);
        await Processes.WaitForFileAsync(scratch.Mark("first.started"), TimeSpan.FromSeconds(30));
        var second = runner.SubmitAndWaitAsync(scratch.Request("second", "gate"), cancel.Token);
        Assert.Equal(1, runner.WaitingJobs);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        Assert.Equal(0, runner.WaitingJobs);
        await File.WriteAllTextAsync(scratch.Mark("release"), "");
        Assert.Equal(BatchJobStatus.Succeeded, (await first).Status);
        Assert.False(File.Exists(scratch.Mark("second.started")));
        Assert.Null(await scratch.Store.HeadAsync(BatchScratch.LogBucket, "jobs/second.log"));
    }

    [Fact]
    public async Task DisposeAsync_JobsRunningAndQueued_KillsAndRefusesThem()
    {
        await using var scratch = new BatchScratch();
        var runner = scratch.Runner(1, new JobDefinition("hang", scratch.Script("hang", Hang)));

        var running = runner.SubmitAndWaitAsync(scratch.Request("running", "hang"), CancellationToken.None);
        var queued = runner.SubmitAndWaitAsync(scratch.Request("queued", "hang"), CancellationToken.None);
        var pid = await Processes.WaitForPidAsync(scratch.Mark("running.pid"));
        var grandchild = await Processes.WaitForPidAsync(scratch.Mark("running.grandchild"));
        await runner.DisposeAsync();

        Assert.True(running.IsCompleted && queued.IsCompleted, "disposal returns after every job has ended");
        await Assert.ThrowsAsync<ObjectDisposedException>(() => running);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => queued);
        Assert.True(await Processes.StopsAsync(pid, Prompt), "a job survived disposal");
        Assert.True(await Processes.StopsAsync(grandchild, Prompt), "a job's grandchild survived disposal");
        Assert.Contains("the job runner is shutting down", await scratch.ReadLogAsync("jobs/running.log"), StringComparison.Ordinal);
        Assert.False(File.Exists(scratch.Mark("queued.pid")));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => runner.SubmitAndWaitAsync(scratch.Request("late", "hang"), CancellationToken.None));
    }
}
