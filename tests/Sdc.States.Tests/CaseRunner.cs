using System.Text.Json.Nodes;
using Sdc.States.Execution;
using Sdc.States.Tasks;
using Sdc.States.Time;

namespace Sdc.States.Tests;

/// <summary>
/// Runs one case in the conformance format (definition, input, scripted task results and
/// failures, expected output or error, optional expected task inputs and retry delays) on a
/// virtual clock, and asserts its outcome. The project's own fixtures use the same format, plus
/// <c>taskDurationsSeconds</c> to make tasks take time.
/// </summary>
internal static class CaseRunner
{
    public static async Task<Execution.Execution> RunAsync(JsonObject @case, string label)
    {
        var clock = new VirtualStatesClock();
        var tasks = ScriptedTaskHandler.FromCase(@case, clock);
        var engine = new StateMachineEngine(StateMachine.Parse(@case["definition"]!.DeepClone().AsObject()), new EngineOptions
        {
            Resources = new TaskResourceRegistry().Register("*", tasks),
            Clock = clock,
            Random = new Random(7),
        });

        var execution = await engine.RunAsync(@case["input"]?.DeepClone(), "case").WaitAsync(TimeSpan.FromSeconds(30));

        if (@case.ContainsKey("expectedError"))
        {
            Assert.True(execution.Status is ExecutionStatus.Failed or ExecutionStatus.TimedOut,
                $"{label}: expected error {@case["expectedError"]}, got {execution.Status} with output {execution.Output?.ToJsonString()}");
            Assert.Equal(@case["expectedError"]!.GetValue<string>(), execution.Error);
            if (@case["expectedCauseContains"] is { } cause)
            {
                Assert.Contains(cause.GetValue<string>(), execution.Cause ?? "", StringComparison.Ordinal);
            }
        }
        else
        {
            Assert.True(execution.Status == ExecutionStatus.Succeeded, $"{label}: expected success, got {execution.Status}: {execution.Error}: {execution.Cause}");
            JsonAssert.Equal(@case["expectedOutput"], execution.Output, label);
        }
        foreach (var (state, expected) in @case["expectedTaskInputs"]?.AsObject() ?? [])
        {
            var received = tasks.Inputs.GetValueOrDefault(state) ?? [];
            // One payload, or one per attempt when the task was scripted to fail first.
            List<JsonNode?> expectedInputs = expected is JsonArray many && @case["taskFailures"]?[state] is not null ? [.. many] : [expected];
            Assert.Equal(expectedInputs.Count, received.Count);
            for (var i = 0; i < expectedInputs.Count; i++)
            {
                JsonAssert.Equal(expectedInputs[i], received[i], $"{label}: input of {state} attempt {i}");
            }
        }
        if (@case["expectedRetryDelaysSeconds"] is JsonArray delays)
        {
            Assert.Equal(delays.Select(d => d!.GetValue<double>()), clock.Delays.Select(d => d.TotalSeconds));
        }
        return execution;
    }
}
