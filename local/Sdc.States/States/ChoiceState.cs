using System.Text.Json.Nodes;
using Sdc.States.Choice;
using Sdc.States.Errors;
using Sdc.States.Execution;

namespace Sdc.States.States;

/// <summary>Choice: the first rule that matches names the next state; else Default; else States.NoChoiceMatched.</summary>
internal sealed class ChoiceState : State
{
    private readonly IReadOnlyList<(ChoiceRule Rule, string Next)> _choices;
    private readonly string? _default;

    public ChoiceState(string name, JsonObject json)
        : base(name, json)
    {
        _choices = json["Choices"]!.AsArray()
            .Select(c => (ChoiceRule.Parse(c!.AsObject()), c!["Next"]!.GetValue<string>()))
            .ToList();
        _default = json["Default"]?.GetValue<string>();
    }

    public override Task<Transition> ExecuteAsync(JsonNode? input, StateContext context, CancellationToken cancellationToken)
    {
        var effective = InputPath.Apply(input, Name);
        var next = _choices.FirstOrDefault(c => c.Rule.Matches(effective)).Next ?? _default
            ?? throw new StatesNoChoiceMatchedException($"No Matches! (state '{Name}')");
        return Task.FromResult<Transition>(new Transition.NextState(next, OutputPath.Apply(effective, Name)));
    }
}
