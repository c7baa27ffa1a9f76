using System.Text.Json.Nodes;
using Sdc.States.History;
using Sdc.States.Tasks;

namespace Sdc.States.Execution;

/// <summary>What every state of one execution shares: its identity, input, services and history.</summary>
internal sealed class ExecutionScope(
    string name,
    JsonNode? input,
    DateTimeOffset startTime,
    EngineOptions options,
    TaskTokens tokens,
    HistoryRecorder history)
{
    public string Name { get; } = name;

    public JsonNode? Input { get; } = input;

    public DateTimeOffset StartTime { get; } = startTime;

    public EngineOptions Options { get; } = options;

    public TaskTokens Tokens { get; } = tokens;

    public HistoryRecorder History { get; } = history;

    /// <summary>
    /// The context object (<c>$$</c>) as a state sees it on entry. Built only when an expression
    /// asks for it: most states never do, and a Pass chain should not pay for it.
    /// </summary>
    public JsonObject ContextObject(string stateName, DateTimeOffset entered, int retryCount, string? taskToken = null,
        int? mapIndex = null, JsonNode? mapValue = null)
    {
        var context = new JsonObject
        {
            ["Execution"] = new JsonObject
            {
                ["Id"] = Options.ExecutionArn(Name),
                ["Input"] = Input?.DeepClone(),
                ["Name"] = Name,
                ["RoleArn"] = $"arn:aws:iam::{Options.Account}:role/local-states",
                ["StartTime"] = Time.Timestamps.Format(StartTime),
            },
            ["State"] = new JsonObject
            {
                ["EnteredTime"] = Time.Timestamps.Format(entered),
                ["Name"] = stateName,
                ["RetryCount"] = retryCount,
            },
            ["StateMachine"] = new JsonObject
            {
                ["Id"] = Options.StateMachineArn,
                ["Name"] = Options.StateMachineName,
            },
        };
        if (taskToken is not null)
        {
            context["Task"] = new JsonObject { ["Token"] = taskToken };
        }
        if (mapIndex is not null)
        {
            context["Map"] = new JsonObject
            {
                ["Item"] = new JsonObject { ["Index"] = mapIndex, ["Value"] = mapValue?.DeepClone() },
            };
        }
        return context;
    }
}
