using System.Text.Json.Nodes;

namespace Sdc.States.Tasks;

/// <summary>What a task handler is asked to do: the resource, its effective input, and where it runs.</summary>
/// <param name="Resource">The state's Resource, without a <c>.waitForTaskToken</c> suffix.</param>
/// <param name="Input">The effective input: the state's input after InputPath and Parameters.</param>
/// <param name="TaskToken">Set for <c>.waitForTaskToken</c>: the handler passes it on, and someone later calls
/// <see cref="Execution.StateMachineEngine.SendTaskSuccess"/> (or failure) with it.</param>
/// <param name="Attempt">0 for the first try, then 1, 2… for retries.</param>
public sealed record TaskInvocation(
    string Resource,
    JsonNode? Input,
    string StateName,
    string ExecutionName,
    string? TaskToken,
    int Attempt,
    int? TimeoutSeconds);
