using System.Text.Json.Nodes;
using Sdc.States.Execution;

namespace Sdc.States.States;

/// <summary>Succeed: ends its state graph successfully, after InputPath and OutputPath.</summary>
internal sealed class SucceedState(string name, JsonObject json) : State(name, json)
{
    public override Task<Transition> ExecuteAsync(JsonNode? input, StateContext context, CancellationToken cancellationToken) =>
        Task.FromResult<Transition>(new Transition.EndOfGraph(OutputPath.Apply(InputPath.Apply(input, Name), Name)));
}
