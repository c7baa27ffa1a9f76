using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace Sdc.States.Validation;

/// <summary>
/// Checks an Amazon States Language definition before it runs, with the rules AWS Step Functions applies when
/// a state machine is created: shape and fields of every state, transitions, reachability, paths and
/// intrinsic functions, retriers and catchers, and that every Task resource is one the host knows.
/// </summary>
public static class StateMachineValidator
{
    private const long MaxTimeoutSeconds = 99_999_999;

    private static readonly FrozenSet<string> TopLevelFields =
        Fields.Set(["StartAt", "States", "Comment", "Version", "TimeoutSeconds", "QueryLanguage"]);

    /// <summary>
    /// Every problem of <paramref name="definition"/>, empty when it is valid: the problems of each state in
    /// document order, then those of each scope's transitions (targets, reachability, terminal state).
    /// </summary>
    public static IReadOnlyList<ValidationProblem> Validate(JsonNode? definition, ValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var context = new ValidationContext(options);
        var site = new Site(context, null, "");
        if (definition is not JsonObject root)
        {
            site.Report(ProblemCodes.NotAnObject,
                $"A state machine definition must be a JSON object with StartAt and States, not {Fields.Describe(definition)}.");
            return context.Problems;
        }

        var language = QueryLanguage.JsonPath;
        if (Fields.OneOf(root, site, "QueryLanguage", "A state machine", "JSONPath", "JSONata") == "JSONata")
        {
            language = QueryLanguage.Jsonata;
            if (!options.JsonataSupported)
            {
                site.Field("QueryLanguage").Report(ProblemCodes.UnsupportedQueryLanguage,
                    "This host does not evaluate JSONata; write the state machine with JSONPath (remove QueryLanguage).");
            }
        }
        Fields.String(root, site, "Version", "A state machine");
        Fields.Integer(root, site, "TimeoutSeconds", 0, MaxTimeoutSeconds);
        ScopeValidator.Validate(root, site, language, TopLevelFields, "The state machine");
        return context.Problems;
    }
}
