using System.Text.Json.Nodes;
using Sdc.States.Execution;
using Sdc.States.Tasks;
using Sdc.States.Time;

namespace Sdc.States.Tests;

/// <summary>Builds engines for tests: a definition, task handlers by resource, a virtual clock.</summary>
internal static class Engines
{
    public const string Lambda = "arn:aws:lambda:us-east-1:123456789012:function:f";

    public static StateMachineEngine Create(string definition, ITaskHandler? tasks = null, IStatesClock? clock = null, string resource = "*") =>
        new(StateMachine.Parse(definition.Replace("LAMBDA", Lambda, StringComparison.Ordinal)), new EngineOptions
        {
            Resources = tasks is null ? new TaskResourceRegistry() : new TaskResourceRegistry().Register(resource, tasks),
            Clock = clock ?? new VirtualStatesClock(),
            Random = new Random(1),
        });

    public static JsonNode Json(string text) => JsonNode.Parse(text)!;
}
