using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sdc.States.Errors;

namespace Sdc.States.Validation;

/// <summary>Retriers (<c>Retry</c>) and catchers (<c>Catch</c>) of Task, Parallel and Map states.</summary>
internal static class ErrorHandling
{
    // AWS limits: the largest retry count and interval it accepts, and a year for MaxDelaySeconds.
    private const long MaxRetryValue = 99_999_999;
    private const long MaxDelaySecondsLimit = 31_622_400;

    private static readonly FrozenSet<string> RetrierFields = Fields.Set(
        ["ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment"]);

    private static readonly FrozenSet<string> JsonPathCatcherFields = Fields.Set(["ErrorEquals", "Next", "ResultPath", "Comment", "Assign"]);

    private static readonly FrozenSet<string> JsonataCatcherFields = Fields.Set(["ErrorEquals", "Next", "Output", "Assign", "Comment"]);

    public static void CheckRetry(StateNode state)
    {
        var retriers = Fields.Array(state.Json, state.Site, "Retry", state.Owner);
        if (retriers is null)
        {
            return;
        }
        var site = state.Field("Retry");
        for (var i = 0; i < retriers.Count; i++)
        {
            var at = site.Index(i);
            if (retriers[i] is not JsonObject retrier)
            {
                at.Report(ProblemCodes.NotAnObject, $"A retrier must be a JSON object with ErrorEquals, not {Fields.Describe(retriers[i])}.");
                continue;
            }
            Fields.OnlyAllowed(retrier, at, RetrierFields, "A retrier");
            CheckErrorEquals(retrier, at, "A retrier", i, retriers.Count, "retrier");
            Fields.Integer(retrier, at, "IntervalSeconds", 1, MaxRetryValue);
            Fields.Integer(retrier, at, "MaxAttempts", 0, MaxRetryValue);
            Fields.Number(retrier, at, "BackoffRate", 1.0, double.PositiveInfinity);
            Fields.Integer(retrier, at, "MaxDelaySeconds", 1, MaxDelaySecondsLimit);
            Fields.OneOf(retrier, at, "JitterStrategy", "A retrier", "FULL", "NONE");
            Fields.String(retrier, at, "Comment", "A retrier");
        }
    }

    public static void CheckCatch(StateNode state)
    {
        var catchers = Fields.Array(state.Json, state.Site, "Catch", state.Owner);
        if (catchers is null)
        {
            return;
        }
        var site = state.Field("Catch");
        for (var i = 0; i < catchers.Count; i++)
        {
            var at = site.Index(i);
            if (catchers[i] is not JsonObject catcher)
            {
                at.Report(ProblemCodes.NotAnObject, $"A catcher must be a JSON object with ErrorEquals and Next, not {Fields.Describe(catchers[i])}.");
                continue;
            }
            Fields.OnlyAllowed(catcher, at, state.IsJsonPath ? JsonPathCatcherFields : JsonataCatcherFields, "A catcher");
            CheckErrorEquals(catcher, at, "A catcher", i, catchers.Count, "catcher");
            if (!state.AddTransition(catcher, at, "Next"))
            {
                at.Field("Next").Report(ProblemCodes.MissingField, "A catcher needs \"Next\": the state to go to when it catches an error.");
            }
            Fields.String(catcher, at, "Comment", "A catcher");
            if (state.IsJsonPath)
            {
                Fields.ReferencePath(catcher, at, "ResultPath", nullable: true);
                PayloadTemplates.Check(catcher, at, "Assign");
            }
        }
    }

    private static void CheckErrorEquals(JsonObject handler, Site site, string owner, int index, int count, string kind)
    {
        var errors = Fields.Array(handler, site, "ErrorEquals", owner, required: true, nonEmpty: true);
        if (errors is null)
        {
            return;
        }
        var at = site.Field("ErrorEquals");
        var hasAll = false;
        for (var j = 0; j < errors.Count; j++)
        {
            if (Fields.Kind(errors[j]) != JsonValueKind.String || errors[j]!.GetValue<string>().Length == 0)
            {
                at.Index(j).Report(ProblemCodes.InvalidFieldType, $"An error name must be a non-empty string, not {Fields.Describe(errors[j])}.");
                continue;
            }
            hasAll |= errors[j]!.GetValue<string>() == StatesErrorNames.All;
        }
        if (!hasAll)
        {
            return;
        }
        if (errors.Count > 1)
        {
            at.Report(ProblemCodes.StatesAllNotAlone,
                $"{StatesErrorNames.All} matches every error, so it must be the only name in its ErrorEquals; move the other names to a {kind} before it.");
        }
        if (index < count - 1)
        {
            at.Report(ProblemCodes.StatesAllNotLast,
                $"The {kind} naming {StatesErrorNames.All} must be the last one; the {count - index - 1} after it could never be used.");
        }
    }
}
