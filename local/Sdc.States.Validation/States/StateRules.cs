using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace Sdc.States.Validation.States;

/// <summary>
/// What one state type allows and requires. The fields common to several types (input and output
/// processing, retriers and catchers) are checked here once, for the types that have them.
/// </summary>
internal abstract class StateRules
{
    protected static readonly string[] Common = ["Type", "Comment", "QueryLanguage"];
    protected static readonly string[] Transition = ["Next", "End"];

    private static readonly StateRules[] All =
    [
        new PassStateRules(), new TaskStateRules(), new ChoiceStateRules(), new WaitStateRules(),
        new SucceedStateRules(), new FailStateRules(), new ParallelStateRules(), new MapStateRules(),
    ];

    private static readonly FrozenDictionary<string, StateRules> ByType = All.ToFrozenDictionary(r => r.Type, StringComparer.Ordinal);

    public static IEnumerable<string> Types => All.Select(r => r.Type);

    public abstract string Type { get; }

    /// <summary>True for the types that end with <c>Next</c> or <c>End</c> (all but Choice, Succeed and Fail).</summary>
    public virtual bool HasNextOrEnd => true;

    /// <summary>True for Succeed and Fail, which always end their scope.</summary>
    public virtual bool IsTerminalType => false;

    protected abstract FrozenSet<string> JsonPathFields { get; }

    protected abstract FrozenSet<string> JsonataFields { get; }

    public static StateRules? For(string type) => ByType.GetValueOrDefault(type);

    public FrozenSet<string> FieldsFor(QueryLanguage language) =>
        language == QueryLanguage.JsonPath ? JsonPathFields : JsonataFields;

    public void Check(StateNode state)
    {
        var allowed = FieldsFor(state.Language);
        var json = state.Json;
        if (state.IsJsonPath)
        {
            if (allowed.Contains("InputPath"))
            {
                Fields.Path(json, state.Site, "InputPath", nullable: true);
                Fields.Path(json, state.Site, "OutputPath", nullable: true);
            }
            if (allowed.Contains("ResultPath"))
            {
                Fields.ReferencePath(json, state.Site, "ResultPath", nullable: true);
            }
            foreach (var template in new[] { "Parameters", "ResultSelector", "Assign" })
            {
                if (allowed.Contains(template))
                {
                    PayloadTemplates.Check(json, state.Site, template);
                }
            }
        }
        if (allowed.Contains("Assign"))
        {
            Fields.Object(json, state.Site, "Assign", state.Owner);
        }
        if (allowed.Contains("Retry"))
        {
            ErrorHandling.CheckRetry(state);
            ErrorHandling.CheckCatch(state);
        }
        CheckSpecific(state);
    }

    protected abstract void CheckSpecific(StateNode state);

    /// <summary>A nested state machine (a Parallel branch, a Map's item processor), validated as a scope of its own.</summary>
    protected static void CheckScope(StateNode state, JsonNode? scope, Site site, FrozenSet<string> allowed, string what)
    {
        if (scope is not JsonObject obj)
        {
            site.Report(ProblemCodes.NotAnObject, $"{what} must be a JSON object with StartAt and States, not {Fields.Describe(scope)}.");
            return;
        }
        ScopeValidator.Validate(obj, site, state.MachineLanguage, allowed, what);
    }
}
