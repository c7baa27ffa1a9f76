using System.Text.Json.Nodes;
using Sdc.States.Execution;
using Sdc.States.Expressions;
using Sdc.States.Processing;

namespace Sdc.States.States;

/// <summary>Pass: passes its input (or a fixed Result, or Parameters) to its output.</summary>
internal sealed class PassState : State
{
    private readonly JsonNode? _result;
    private readonly bool _hasResult;
    private readonly PayloadTemplate? _parameters;
    private readonly ResultPathField _resultPath;

    public PassState(string name, JsonObject json)
        : base(name, json)
    {
        _hasResult = json.TryGetPropertyValue("Result", out var result);
        _result = result?.DeepClone();
        _parameters = json.TryGetPropertyValue("Parameters", out var parameters) ? PayloadTemplate.Compile(parameters) : null;
        _resultPath = ResultPathField.Read(json);
    }

    public override Task<Transition> ExecuteAsync(JsonNode? input, StateContext context, CancellationToken cancellationToken)
    {
        var effective = InputPath.Apply(input, Name);
        if (_parameters is not null)
        {
            effective = _parameters.Evaluate(effective, context.ContextObject());
        }
        var result = _hasResult ? _result?.DeepClone() : effective;
        var output = OutputPath.Apply(_resultPath.Apply(input, result), Name);
        return Task.FromResult(Complete(output));
    }
}
