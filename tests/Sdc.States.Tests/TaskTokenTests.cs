using System.Text.Json.Nodes;
using Sdc.States.Execution;
using Sdc.States.Tasks;
using Sdc.States.Time;

namespace Sdc.States.Tests;

public sealed class TaskTokenTests
{
    private const string Callback = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";

    [Fact]
    public async Task WaitForTaskToken_SendTaskSuccess_CompletesTheTaskWithThatOutput()
    {
        var sender = new TokenCapturingHandler();
        var engine = Engines.Create(Definition(heartbeat: null), sender, resource: "arn:aws:states:::sqs:sendMessage");

        var execution = engine.Start(Engines.Json("""{"job":"a"}"""));
        var token = await sender.Token.Task;
        Assert.Equal(ExecutionStatus.Running, execution.Status);
        Assert.True(engine.SendTaskSuccess(token, Engines.Json("""{"done":true}""")));
        await execution.Completion;

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        JsonAssert.Equal(Engines.Json("""{"done":true}"""), execution.Output);
        JsonAssert.Equal(new JsonObject { ["MessageBody"] = new JsonObject { ["token"] = token } }, sender.Input);
        Assert.False(engine.SendTaskSuccess(token, null), "a token is used once");
    }

    [Fact]
    public async Task WaitForTaskToken_SendTaskFailure_FailsWithTheGivenError()
    {
        var sender = new TokenCapturingHandler();
        var engine = Engines.Create(Definition(heartbeat: null), sender, resource: "arn:aws:states:::sqs:sendMessage");

        var execution = engine.Start(Engines.Json("{}"));
        Assert.True(engine.SendTaskFailure(await sender.Token.Task, "Job.Rejected", "bad input"));
        await execution.Completion;

        Assert.Equal("Job.Rejected", execution.Error);
        Assert.Equal("bad input", execution.Cause);
    }

    [Fact]
    public async Task WaitForTaskToken_NoHeartbeat_FailsWithHeartbeatTimeout()
    {
        var clock = new VirtualStatesClock();
        var sender = new TokenCapturingHandler();
        var engine = Engines.Create(Definition(heartbeat: 10), sender, clock, resource: "arn:aws:states:::sqs:sendMessage");

        var execution = engine.Start(Engines.Json("{}"));
        await sender.Token.Task;
        // The heartbeat timer starts once the handler has returned; keep time moving until it fires.
        for (var i = 0; i < 200 && !execution.Completion.IsCompleted; i++)
        {
            await clock.DelayAsync(TimeSpan.FromSeconds(11), CancellationToken.None);
            await Task.Delay(10);
        }
        await execution.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("States.HeartbeatTimeout", execution.Error);
    }

    [Fact]
    public async Task WaitForTaskToken_HeartbeatsInTime_KeepTheTaskAlive()
    {
        var clock = new VirtualStatesClock();
        var sender = new TokenCapturingHandler();
        var engine = Engines.Create(Definition(heartbeat: 10), sender, clock, resource: "arn:aws:states:::sqs:sendMessage");

        var execution = engine.Start(Engines.Json("{}"));
        var token = await sender.Token.Task;
        for (var i = 0; i < 3; i++)
        {
            await clock.DelayAsync(TimeSpan.FromSeconds(8), CancellationToken.None);
            Assert.True(engine.SendTaskHeartbeat(token));
            await Task.Delay(20);
        }
        Assert.Equal(ExecutionStatus.Running, execution.Status);
        engine.SendTaskSuccess(token, JsonValue.Create("finished"));
        await execution.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
    }

    private static string Definition(int? heartbeat) => """
        {"StartAt":"Send","States":{"Send":{"Type":"Task","Resource":"CALLBACK",HEARTBEAT
          "Parameters":{"MessageBody":{"token.$":"$$.Task.Token"}},"End":true}}}
        """.Replace("CALLBACK", Callback, StringComparison.Ordinal)
        .Replace("HEARTBEAT", heartbeat is null ? "" : $"\"HeartbeatSeconds\":{heartbeat},", StringComparison.Ordinal);

    private sealed class TokenCapturingHandler : ITaskHandler
    {
        public TaskCompletionSource<string> Token { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public JsonNode? Input { get; private set; }

        public Task<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
        {
            Input = invocation.Input?.DeepClone();
            Token.TrySetResult(invocation.TaskToken!);
            return Task.FromResult<JsonNode?>(null);
        }
    }
}
