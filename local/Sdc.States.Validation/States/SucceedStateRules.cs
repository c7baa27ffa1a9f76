using System.Collections.Frozen;

namespace Sdc.States.Validation.States;

/// <summary>Succeed: ends its scope successfully.</summary>
internal sealed class SucceedStateRules : StateRules
{
    public override string Type => "Succeed";

    public override bool HasNextOrEnd => false;

    public override bool IsTerminalType => true;

    protected override FrozenSet<string> JsonPathFields { get; } = Fields.Set(Common, ["InputPath", "OutputPath"]);

    protected override FrozenSet<string> JsonataFields { get; } = Fields.Set(Common, ["Output"]);

    protected override void CheckSpecific(StateNode state)
    {
    }
}
