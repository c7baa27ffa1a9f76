using System.Collections.Frozen;

namespace Sdc.States.Validation.States;

/// <summary>Wait: waits for a number of seconds or until a timestamp, given literally or by path.</summary>
internal sealed class WaitStateRules : StateRules
{
    private const long MaxSeconds = 99_999_999;

    private static readonly string[] Durations = ["Seconds", "Timestamp", "SecondsPath", "TimestampPath"];

    public override string Type => "Wait";

    protected override FrozenSet<string> JsonPathFields { get; } =
        Fields.Set(Common, Transition, Durations, ["InputPath", "OutputPath", "Assign"]);

    protected override FrozenSet<string> JsonataFields { get; } = Fields.Set(Common, Transition, ["Seconds", "Timestamp", "Output", "Assign"]);

    protected override void CheckSpecific(StateNode state)
    {
        var json = state.Json;
        var site = state.Site;
        var allowed = FieldsFor(state.Language);
        var given = Durations.Where(d => allowed.Contains(d) && json.ContainsKey(d)).ToList();
        var options = string.Join(", ", Durations.Where(allowed.Contains));
        if (given.Count == 0)
        {
            site.Report(ProblemCodes.MissingField, $"A Wait state needs exactly one of {options}.");
        }
        else if (given.Count > 1)
        {
            site.Field(given[1]).Report(ProblemCodes.MutuallyExclusiveFields,
                $"A Wait state takes exactly one of {options}, but this one has {string.Join(" and ", given)}.");
        }

        Fields.Integer(json, site, "Seconds", 0, MaxSeconds, allowJsonata: state.IsJsonata);
        if (!(state.IsJsonata && Fields.IsJsonataExpression(json["Timestamp"]))
            && Fields.String(json, site, "Timestamp", state.Owner) is { } text && !Rfc3339.IsValid(text))
        {
            state.Field("Timestamp").Report(ProblemCodes.InvalidTimestamp,
                $"Timestamp \"{text}\" is not an RFC 3339 timestamp; write it like \"2016-03-14T01:59:00Z\" (uppercase T, and Z or an offset such as +01:00).");
        }
        if (state.IsJsonPath)
        {
            Fields.ReferencePath(json, site, "SecondsPath");
            Fields.ReferencePath(json, site, "TimestampPath");
        }
    }
}
