using System.Text.Json.Nodes;
using Sdc.States.Execution;
using Sdc.States.Tasks;
using Sdc.States.Time;

namespace Sdc.States.Tests;

public sealed class EngineTests
{
    private static readonly string OneTask = """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"LAMBDA","End":true}}}""";

    [Fact]
    public async Task Start_SameNameTwice_ReturnsTheFirstExecutionAndRunsOnce()
    {
        var tasks = new ScriptedTaskHandler().Return("T", 1);
        var engine = Engines.Create(OneTask, tasks);

        var first = engine.Start(Engines.Json("{}"), "daily-2021-02-24");
        var second = engine.Start(Engines.Json("""{"other":true}"""), "daily-2021-02-24");
        await first.Completion;

        Assert.Same(first, second);
        Assert.Single(tasks.Inputs["T"]);
        Assert.Single(engine.Executions);
    }

    [Fact]
    public void Constructor_UnknownTaskResource_FailsBeforeAnythingRuns()
    {
        var error = Assert.Throws<ArgumentException>(() => Engines.Create(OneTask, tasks: null));

        Assert.Contains("state 'T'", error.Message, StringComparison.Ordinal);
        Assert.Contains(Engines.Lambda, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ResultOverPayloadLimit_FailsWithDataLimitExceededThatNoCatcherHandles()
    {
        var big = new string('x', 300 * 1024);
        var tasks = new ScriptedTaskHandler().Return("T", big);
        var engine = Engines.Create("""
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"LAMBDA","Catch":[{"ErrorEquals":["States.ALL"],"Next":"H"}],"End":true},
              "H":{"Type":"Pass","End":true}}}
            """, tasks);

        var execution = await engine.RunAsync(Engines.Json("{}"));

        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        Assert.Equal("States.DataLimitExceeded", execution.Error);
    }

    [Fact]
    public async Task Run_ExecutionTimeoutSeconds_EndsTimedOut()
    {
        var engine = Engines.Create("""{"StartAt":"W","TimeoutSeconds":5,"States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}""");

        var execution = await engine.RunAsync(Engines.Json("{}"));

        Assert.Equal(ExecutionStatus.TimedOut, execution.Status);
        Assert.Equal("States.Timeout", execution.Error);
    }

    [Fact]
    public async Task Abort_RunningExecution_EndsAborted()
    {
        var tasks = new BlockingTaskHandler();
        var engine = Engines.Create(OneTask, tasks);

        var execution = engine.Start(Engines.Json("{}"), "to-stop");
        await tasks.Started.Task;
        execution.Abort();
        await execution.Completion;

        Assert.Equal(ExecutionStatus.Aborted, execution.Status);
        Assert.Equal("ExecutionAborted", execution.History[^1].Type);
    }

    [Fact]
    public async Task Run_HandlerThrowsOrdinaryException_FailsTaskWithStatesTaskFailed()
    {
        var engine = Engines.Create(OneTask, new ThrowingTaskHandler());

        var execution = await engine.RunAsync(Engines.Json("{}"));

        Assert.Equal("States.TaskFailed", execution.Error);
        Assert.Contains("disk full", execution.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FullJitter_DelaysNeverExceedTheCappedBackoff()
    {
        var clock = new VirtualStatesClock();
        var tasks = new ScriptedTaskHandler(clock);
        for (var i = 0; i < 6; i++)
        {
            tasks.Fail("T", "Boom", null);
        }
        tasks.Return("T", "ok");
        var engine = Engines.Create("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"LAMBDA","End":true,
              "Retry":[{"ErrorEquals":["Boom"],"IntervalSeconds":2,"BackoffRate":2,"MaxAttempts":6,"MaxDelaySeconds":10,"JitterStrategy":"FULL"}]}}}
            """, tasks, clock);

        var execution = await engine.RunAsync(Engines.Json("{}"));

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        double[] caps = [2, 4, 8, 10, 10, 10];
        Assert.Equal(6, clock.Delays.Count);
        Assert.All(clock.Delays.Zip(caps), pair => Assert.InRange(pair.First.TotalSeconds, 0, pair.Second));
        Assert.NotEqual(caps, clock.Delays.Select(d => d.TotalSeconds));
    }

    private sealed class BlockingTaskHandler : ITaskHandler
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        }
    }

    private sealed class ThrowingTaskHandler : ITaskHandler
    {
        public Task<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken) =>
            throw new IOException("disk full");
    }
}
