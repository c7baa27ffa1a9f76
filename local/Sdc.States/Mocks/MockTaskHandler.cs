using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Sdc.States.Errors;
using Sdc.States.Execution;
using Sdc.States.Tasks;

namespace Sdc.States.Mocks;

/// <summary>
/// Plays one test case of a mock config, as Step Functions Local does: a Task state's n-th
/// invocation in an execution (0 for the first; retries and loops count) gets the outcome whose
/// range covers n. <c>Return</c> is the task's result; <c>Throw</c> fails the task with that error,
/// so Retry and Catch see it. A state the test case does not mock goes to <c>fallback</c> when it
/// has a handler for the resource (Step Functions Local's "hybrid" test cases); otherwise, and past
/// the last range of a response, the execution fails with <c>States.Runtime</c>, which no Catch
/// hides: the config is wrong, not the state machine.
/// </summary>
public sealed class MockTaskHandler : ITaskHandler
{
    private readonly MockTestCase _testCase;
    private readonly TaskResourceRegistry? _fallback;
    private readonly ConcurrentDictionary<(string Execution, string State), StrongBox<int>> _invocations = new();
    private StateMachineEngine? _engine;

    public MockTaskHandler(MockTestCase testCase, TaskResourceRegistry? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        _testCase = testCase;
        _fallback = fallback;
    }

    /// <summary>
    /// Builds an engine whose every Task runs through a mock handler for <paramref name="testCase"/>
    /// (the handlers of <paramref name="options"/>.Resources serve the states the test case leaves
    /// out). Throws <see cref="ArgumentException"/> listing the Task states that neither can run.
    /// </summary>
    public static StateMachineEngine CreateEngine(StateMachine machine, MockTestCase testCase, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(testCase);
        ArgumentNullException.ThrowIfNull(options);
        var missing = testCase.MissingMocks(machine, options.Resources);
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"Test case '{testCase.Name}' of state machine '{testCase.StateMachineName}' has no mocked response for these Task states: " +
                string.Join("; ", missing.Select(m => $"'{m.State}' ({m.Resource})")));
        }
        var handler = new MockTaskHandler(testCase, options.Resources);
        var engine = new StateMachineEngine(machine, options with { Resources = new TaskResourceRegistry().Register("*", handler) });
        handler.AnswerTaskTokensWith(engine);
        return engine;
    }

    /// <summary>
    /// A <c>.waitForTaskToken</c> task waits for its token to come back; Step Functions Local sends it
    /// back itself with the mocked result, and so does this handler through <paramref name="engine"/>.
    /// (<see cref="CreateEngine"/> does this.)
    /// </summary>
    public void AnswerTaskTokensWith(StateMachineEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
    }

    /// <summary>How many times <paramref name="state"/> has been invoked in an execution so far (mocked invocations only).</summary>
    public int Invocations(string executionName, string state) =>
        _invocations.TryGetValue((executionName, state), out var count) ? Volatile.Read(ref count.Value) : 0;

    public Task<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (!_testCase.States.TryGetValue(invocation.StateName, out var response))
        {
            return _fallback?.Find(invocation.Resource) is { } real
                ? real.InvokeAsync(invocation, cancellationToken)
                : throw new StatesRuntimeException(
                    $"The Task state '{invocation.StateName}' has no mocked response in test case '{_testCase.Name}' of state machine '{_testCase.StateMachineName}'.");
        }

        var counter = _invocations.GetOrAdd((invocation.ExecutionName, invocation.StateName), _ => new StrongBox<int>());
        var index = Interlocked.Increment(ref counter.Value) - 1;
        switch (response.ForInvocation(index))
        {
            case MockedOutcome.Throws thrown:
                throw new StatesException(thrown.Error, thrown.Cause);
            case MockedOutcome.Returns returned:
                var result = returned.Value?.DeepClone();
                if (invocation.TaskToken is { } token)
                {
                    var engine = _engine ?? throw new StatesRuntimeException(
                        $"The Task state '{invocation.StateName}' waits for a task token, but the mock handler has no engine to send it to (call AnswerTaskTokensWith).");
                    engine.SendTaskSuccess(token, result?.DeepClone());
                }
                return Task.FromResult(result);
            default:
                throw new StatesRuntimeException(string.Create(CultureInfo.InvariantCulture,
                    $"The Task state '{invocation.StateName}' was invoked {index + 1} times, but mocked response '{response.Name}' " +
                    $"(test case '{_testCase.Name}' of state machine '{_testCase.StateMachineName}') answers only {response.InvocationCount}; " +
                    $"add a key for invocation {index}."));
        }
    }
}
