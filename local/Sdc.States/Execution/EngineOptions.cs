using Sdc.States.History;
using Sdc.States.Tasks;
using Sdc.States.Time;

namespace Sdc.States.Execution;

/// <summary>What a host gives the interpreter: task handlers, a clock, and optionally a history listener.</summary>
public sealed record EngineOptions
{
    public TaskResourceRegistry Resources { get; init; } = new();

    public IStatesClock Clock { get; init; } = SystemStatesClock.Instance;

    public IHistoryListener? HistoryListener { get; init; }

    /// <summary>Randomness for retry jitter. Tests pass a seeded one.</summary>
    public Random Random { get; init; } = Random.Shared;

    /// <summary>The state machine's name, used in ARNs and the context object.</summary>
    public string StateMachineName { get; init; } = "StateMachine";

    public string Region { get; init; } = "local";

    public string Account { get; init; } = "000000000000";

    /// <summary>Step Functions' limit on a state's input or output: 256 KiB of UTF-8 JSON.</summary>
    public int PayloadLimitBytes { get; init; } = 256 * 1024;

    public string StateMachineArn => $"arn:aws:states:{Region}:{Account}:stateMachine:{StateMachineName}";

    public string ExecutionArn(string executionName) => $"arn:aws:states:{Region}:{Account}:execution:{StateMachineName}:{executionName}";
}
