using System.Collections.Frozen;
using System.Text.Json.Nodes;
using Sdc.States.Validation.States;

namespace Sdc.States.Validation;

/// <summary>
/// A scope: an object with <c>StartAt</c> and <c>States</c> (the machine itself, a Parallel branch, a Map's
/// item processor). Transitions stay inside their scope; every state must be reachable from <c>StartAt</c>,
/// and at least one must end the scope.
/// </summary>
internal static class ScopeValidator
{
    private const int MaxStateNameLength = 80;

    private sealed record StateSummary(IReadOnlyList<Transition> Transitions, bool IsTerminal, bool IsKnown);

    private static readonly StateSummary Unknown = new([], false, false);

    public static void Validate(JsonObject scope, Site site, QueryLanguage machineLanguage, FrozenSet<string> allowed, string what)
    {
        Fields.OnlyAllowed(scope, site, allowed, what);
        Fields.String(scope, site, "Comment", what);
        var startAt = Fields.String(scope, site, "StartAt", what, required: true);
        if (Fields.Object(scope, site, "States", what, required: true) is not { } states)
        {
            return;
        }

        var summaries = new Dictionary<string, StateSummary>(StringComparer.Ordinal);
        foreach (var (name, value) in states)
        {
            var stateSite = site.Field("States").Field(name).ForState(name);
            CheckName(name, stateSite);
            summaries[name] = ValidateState(name, value, stateSite, machineLanguage);
        }

        var startFound = startAt is not null && summaries.ContainsKey(startAt);
        if (startAt is not null && !startFound)
        {
            site.Field("StartAt").Report(ProblemCodes.StartAtNotFound,
                summaries.Count == 0
                    ? $"StartAt is \"{startAt}\", but States is empty; {what} needs at least one state."
                    : $"StartAt is \"{startAt}\", which is not one of its states ({Names(summaries.Keys)}).");
        }

        foreach (var transition in summaries.Values.SelectMany(s => s.Transitions))
        {
            if (!summaries.ContainsKey(transition.Target))
            {
                transition.Site.Report(ProblemCodes.TransitionTargetNotFound,
                    $"There is no state \"{transition.Target}\" here; a transition must name a state of the same States object ({Names(summaries.Keys)}).");
            }
        }

        if (startFound)
        {
            ReportUnreachable(startAt!, summaries, site);
        }

        if (summaries.Count > 0 && summaries.Values.All(s => s.IsKnown && !s.IsTerminal))
        {
            site.Field("States").Report(ProblemCodes.MissingTerminalState,
                $"{what} has no terminal state; at least one state must have \"End\": true or be a Succeed or Fail state.");
        }
    }

    private static void CheckName(string name, Site site)
    {
        if (name.Length == 0)
        {
            site.Report(ProblemCodes.InvalidStateName, "A state name must not be empty.");
        }
        else if (name.EnumerateRunes().Count() > MaxStateNameLength)
        {
            site.Report(ProblemCodes.StateNameTooLong,
                $"The state name has {name.EnumerateRunes().Count()} characters; at most {MaxStateNameLength} are allowed.");
        }
        if (!site.Context.TryDeclareState(name, site.Path, out var first))
        {
            site.Report(ProblemCodes.DuplicateStateName,
                $"The state name \"{name}\" is already used at {first}; state names must be unique across the whole state machine, branches included.");
        }
    }

    private static StateSummary ValidateState(string name, JsonNode? value, Site site, QueryLanguage machineLanguage)
    {
        if (value is not JsonObject json)
        {
            site.Report(ProblemCodes.NotAnObject, $"A state must be a JSON object with a Type, not {Fields.Describe(value)}.");
            return Unknown;
        }
        if (Fields.String(json, site, "Type", $"State \"{name}\"", required: true) is not { } type)
        {
            return Unknown;
        }
        if (StateRules.For(type) is not { } rules)
        {
            site.Field("Type").Report(ProblemCodes.InvalidStateType,
                $"Type \"{type}\" is not a state type; use one of {string.Join(", ", StateRules.Types)}.");
            return Unknown;
        }

        var language = Language(json, site, machineLanguage);
        var state = new StateNode(name, type, site, json, language, machineLanguage);
        Fields.OnlyAllowed(json, site, rules.FieldsFor(language), language == QueryLanguage.JsonPath ? $"A {type} state" : $"A JSONata {type} state");
        Fields.String(json, site, "Comment", state.Owner);
        var ends = rules.HasNextOrEnd && CheckNextOrEnd(state);
        rules.Check(state);
        return new StateSummary(state.Transitions, rules.IsTerminalType || ends, true);
    }

    /// <summary>Exactly one of Next and End; true when the state ends its scope.</summary>
    private static bool CheckNextOrEnd(StateNode state)
    {
        var json = state.Json;
        var hasNext = state.AddTransition(json, state.Site, "Next");
        var hasEnd = json.ContainsKey("End");
        var end = Fields.Boolean(json, state.Site, "End");
        if (end == false)
        {
            state.Field("End").Report(ProblemCodes.InvalidValue, "End, when present, must be true; to go on to another state use Next instead.");
        }
        if (hasNext && hasEnd)
        {
            state.Field("End").Report(ProblemCodes.NextAndEnd, $"A {state.Owner} has either Next or \"End\": true, not both.");
        }
        else if (!hasNext && !hasEnd)
        {
            state.Site.Report(ProblemCodes.MissingNext,
                $"A {state.Owner} needs \"Next\": \"<state name>\" to go on, or \"End\": true to stop there.");
        }
        return end == true;
    }

    private static QueryLanguage Language(JsonObject json, Site site, QueryLanguage machineLanguage)
    {
        if (Fields.OneOf(json, site, "QueryLanguage", "A state", "JSONPath", "JSONata") is not { } value)
        {
            return machineLanguage;
        }
        if (value == "JSONPath")
        {
            if (machineLanguage == QueryLanguage.Jsonata)
            {
                site.Field("QueryLanguage").Report(ProblemCodes.InvalidValue,
                    "A state cannot use JSONPath when the state machine's QueryLanguage is JSONata; remove the state's QueryLanguage.");
            }
            return QueryLanguage.JsonPath;
        }
        if (machineLanguage != QueryLanguage.Jsonata && !site.Context.Options.JsonataSupported)
        {
            site.Field("QueryLanguage").Report(ProblemCodes.UnsupportedQueryLanguage,
                "This host does not evaluate JSONata; write the state with JSONPath (remove QueryLanguage).");
        }
        return QueryLanguage.Jsonata;
    }

    private static void ReportUnreachable(string startAt, Dictionary<string, StateSummary> summaries, Site site)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { startAt };
        var pending = new Stack<string>([startAt]);
        while (pending.TryPop(out var current))
        {
            foreach (var transition in summaries[current].Transitions)
            {
                if (summaries.ContainsKey(transition.Target) && reached.Add(transition.Target))
                {
                    pending.Push(transition.Target);
                }
            }
        }
        foreach (var name in summaries.Keys.Where(n => !reached.Contains(n)))
        {
            site.Field("States").Field(name).ForState(name).Report(ProblemCodes.UnreachableState,
                $"State \"{name}\" cannot be reached from StartAt \"{startAt}\"; remove it or make another state go to it.");
        }
    }

    private static string Names(IEnumerable<string> names)
    {
        var list = names.Select(n => $"\"{n}\"").ToList();
        return list.Count <= 10 ? string.Join(", ", list) : $"{string.Join(", ", list.Take(10))}, …";
    }
}
