using System.Collections.Frozen;

namespace Sdc.States.Validation.States;

/// <summary>Choice: goes to the <c>Next</c> of the first rule that matches, else to <c>Default</c>.</summary>
internal sealed class ChoiceStateRules : StateRules
{
    public override string Type => "Choice";

    // A Choice never ends its scope; it chooses where to go on.
    public override bool HasNextOrEnd => false;

    protected override FrozenSet<string> JsonPathFields { get; } = Fields.Set(Common, ["Choices", "Default", "InputPath", "OutputPath", "Assign"]);

    protected override FrozenSet<string> JsonataFields { get; } = Fields.Set(Common, ["Choices", "Default", "Output", "Assign"]);

    protected override void CheckSpecific(StateNode state)
    {
        if (Fields.Array(state.Json, state.Site, "Choices", state.Owner, required: true, nonEmpty: true) is { } rules)
        {
            for (var i = 0; i < rules.Count; i++)
            {
                ChoiceRules.Check(state, rules[i], state.Field("Choices").Index(i), topLevel: true);
            }
        }
        state.AddTransition(state.Json, state.Site, "Default");
    }
}
