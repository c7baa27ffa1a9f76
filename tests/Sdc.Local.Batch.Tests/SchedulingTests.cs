using System.Globalization;
using Sdc.Local.Batch.Tests.Support;

namespace Sdc.Local.Batch.Tests;

/// <summary>How many jobs run at once, and which waiting job goes next.</summary>
public sealed class SchedulingTests
{
    [Fact]
    public async Task SubmitAndWaitAsync_MoreJobsThanSlots_NeverMoreThanMaxConcurrencyAtOnce()
    {
        await using var scratch = new BatchScratch();
        var command = scratch.Script("timed", """
            date +%s%N > "$MARKS/$JOB.start"
            sleep 0.4
            date +%s%N > "$MARKS/$JOB.end"
            """);
        var runner = scratch.Runner(2, new JobDefinition("timed", command));
        var names = Enumerable.Range(1, 6).Select(i => $"job-{i}").ToList();

        var results = await Task.WhenAll(names.Select(n => runner.SubmitAndWaitAsync(scratch.Request(n, "timed"), CancellationToken.None)));

        Assert.All(results, r => Assert.Equal(BatchJobStatus.Succeeded, r.Status));
        var spans = names.Select(n => (Start: Nanos(scratch.Mark($"{n}.start")), End: Nanos(scratch.Mark($"{n}.end")))).ToList();
        var mostAtOnce = spans.Max(s => spans.Count(o => o.Start <= s.Start && s.Start < o.End));
        // Exactly 2: at most the limit, and the limit is used (a runner that ran one at a time would fail too).
        Assert.Equal(2, mostAtOnce);
    }

    [Fact]
    public async Task SubmitAndWaitAsync_ReprocessingQueuedBeforeProduction_ProductionStartsFirst()
    {
        await using var scratch = new BatchScratch();
        var command = scratch.Script("gate", """
            echo "$JOB" >> "$MARKS/order"
            while [ ! -e "$MARKS/release" ]; do sleep 0.05; done
            """);
        var runner = scratch.Runner(1, new JobDefinition("gate", command));

        var jobs = new List<Task<BatchJobResult>> { runner.SubmitAndWaitAsync(scratch.Request("running", "gate", BatchQueues.Reprocessing), CancellationToken.None) };
        await Processes.WaitForFileAsync(scratch.Mark("order"), TimeSpan.FromSeconds(30));
        foreach (var (name, queue) in new[]
        {
            ("reprocess-1", BatchQueues.Reprocessing), ("reprocess-2", BatchQueues.Reprocessing),
            ("daily-1", BatchQueues.Production), ("daily-2", BatchQueues.Production),
        })
        {
            jobs.Add(runner.SubmitAndWaitAsync(scratch.Request(name, "gate", queue), CancellationToken.None));
        }
        Assert.Equal(4, runner.WaitingJobs);
        await File.WriteAllTextAsync(scratch.Mark("release"), "");
        await Task.WhenAll(jobs);

        Assert.Equal(["running", "daily-1", "daily-2", "reprocess-1", "reprocess-2"], await File.ReadAllLinesAsync(scratch.Mark("order")));
    }

    private static long Nanos(string path) => long.Parse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture);
}
