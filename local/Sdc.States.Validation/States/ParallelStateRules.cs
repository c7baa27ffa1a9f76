using System.Collections.Frozen;

namespace Sdc.States.Validation.States;

/// <summary>Parallel: runs each of its branches, a state machine of its own, on the same input.</summary>
internal sealed class ParallelStateRules : StateRules
{
    private static readonly FrozenSet<string> BranchFields = Fields.Set(["StartAt", "States", "Comment"]);

    public override string Type => "Parallel";

    protected override FrozenSet<string> JsonPathFields { get; } = Fields.Set(Common, Transition,
        ["Branches", "InputPath", "OutputPath", "ResultPath", "Parameters", "ResultSelector", "Retry", "Catch", "Assign"]);

    protected override FrozenSet<string> JsonataFields { get; } = Fields.Set(Common, Transition,
        ["Branches", "Arguments", "Output", "Assign", "Retry", "Catch"]);

    protected override void CheckSpecific(StateNode state)
    {
        if (Fields.Array(state.Json, state.Site, "Branches", state.Owner, required: true, nonEmpty: true) is not { } branches)
        {
            return;
        }
        for (var i = 0; i < branches.Count; i++)
        {
            CheckScope(state, branches[i], state.Field("Branches").Index(i), BranchFields, $"Branch {i} of Parallel state \"{state.Name}\"");
        }
    }
}
