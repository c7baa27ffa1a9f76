using System.Collections.Frozen;

namespace Sdc.States.Validation.States;

/// <summary>Fail: ends the execution with an error name and a cause, given literally or by path.</summary>
internal sealed class FailStateRules : StateRules
{
    public override string Type => "Fail";

    public override bool HasNextOrEnd => false;

    public override bool IsTerminalType => true;

    protected override FrozenSet<string> JsonPathFields { get; } = Fields.Set(Common, ["Error", "ErrorPath", "Cause", "CausePath"]);

    protected override FrozenSet<string> JsonataFields { get; } = Fields.Set(Common, ["Error", "Cause"]);

    protected override void CheckSpecific(StateNode state)
    {
        var json = state.Json;
        Fields.String(json, state.Site, "Error", state.Owner);
        Fields.String(json, state.Site, "Cause", state.Owner);
        if (!state.IsJsonPath)
        {
            return;
        }
        Fields.AtMostOne(json, state.Site, "Error", "ErrorPath");
        Fields.AtMostOne(json, state.Site, "Cause", "CausePath");
        foreach (var field in new[] { "ErrorPath", "CausePath" })
        {
            // A reference path, or an intrinsic function such as States.Format('{}', $.Error).
            if (Fields.String(json, state.Site, field, state.Owner) is not { } text)
            {
                continue;
            }
            if (ExpressionSyntax.IsIntrinsicCall(text))
            {
                PayloadTemplates.CheckPathOrIntrinsic(text, state.Field(field), field);
            }
            else
            {
                Fields.ReferencePath(json, state.Site, field);
            }
        }
    }
}
