using System.Collections.Frozen;

namespace Sdc.States.Validation.States;

/// <summary>Pass: passes its input (or <c>Result</c>) to its output.</summary>
internal sealed class PassStateRules : StateRules
{
    public override string Type => "Pass";

    protected override FrozenSet<string> JsonPathFields { get; } =
        Fields.Set(Common, Transition, ["InputPath", "OutputPath", "ResultPath", "Parameters", "Result", "Assign"]);

    protected override FrozenSet<string> JsonataFields { get; } = Fields.Set(Common, Transition, ["Output", "Assign"]);

    // Result is any JSON value, copied as it is (a ".$" in it is not evaluated).
    protected override void CheckSpecific(StateNode state)
    {
    }
}
