using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sdc.States.Validation;

/// <summary>
/// The rules of a Choice state. A JSONPath rule is either a data test (a <c>Variable</c> and exactly one
/// comparison operator) or a boolean expression (exactly one of <c>And</c>, <c>Or</c>, <c>Not</c>); only
/// top-level rules have <c>Next</c>. A JSONata rule is a <c>Condition</c> and a <c>Next</c>.
/// </summary>
internal static class ChoiceRules
{
    private enum Operand
    {
        String,
        Number,
        Boolean,
        Timestamp,
        Path,
    }

    private static readonly FrozenDictionary<string, Operand> Comparisons = BuildComparisons();

    private static readonly FrozenSet<string> BooleanOperators = Fields.Set(["And", "Or", "Not"]);

    private static readonly FrozenSet<string> NestedFields = Fields.Set(Comparisons.Keys, BooleanOperators, ["Variable", "Comment"]);

    private static readonly FrozenSet<string> TopLevelFields = Fields.Set(NestedFields, ["Next", "Assign"]);

    private static readonly FrozenSet<string> JsonataFields = Fields.Set(["Condition", "Next", "Assign", "Comment"]);

    public static void Check(StateNode state, JsonNode? node, Site site, bool topLevel)
    {
        if (node is not JsonObject rule)
        {
            site.Report(ProblemCodes.NotAnObject, $"A choice rule must be a JSON object, not {Fields.Describe(node)}.");
            return;
        }
        if (state.IsJsonata)
        {
            CheckJsonata(state, rule, site);
            return;
        }

        CheckFieldsAndNext(state, rule, site, topLevel);

        var operators = rule.Select(p => p.Key).Where(k => Comparisons.ContainsKey(k) || BooleanOperators.Contains(k)).ToList();
        if (operators.Count == 0)
        {
            site.Report(ProblemCodes.MissingComparisonOperator,
                "A choice rule needs exactly one comparison operator (such as StringEquals, NumericGreaterThanPath, IsPresent) or one of And, Or, Not.");
            return;
        }
        if (operators.Count > 1)
        {
            site.Report(ProblemCodes.MultipleComparisonOperators,
                $"A choice rule has exactly one comparison operator, but this one has {string.Join(", ", operators)}; combine tests with And or Or.");
        }

        if (operators.Any(BooleanOperators.Contains))
        {
            if (operators.Count == 1)
            {
                CheckBoolean(state, rule, site, operators[0]);
            }
            return;
        }

        if (Fields.String(rule, site, "Variable", "A choice rule", required: true) is not null)
        {
            Fields.Path(rule, site, "Variable");
        }
        foreach (var op in operators)
        {
            CheckOperand(rule, site, op, Comparisons[op]);
        }
    }

    private static void CheckFieldsAndNext(StateNode state, JsonObject rule, Site site, bool topLevel)
    {
        foreach (var (name, _) in rule)
        {
            if (!topLevel && name is "Next" or "Assign")
            {
                site.Field(name).Report(ProblemCodes.FieldNotAllowed,
                    $"Only a top-level choice rule has {name}; a rule nested in And, Or or Not must not.");
            }
            else if (!TopLevelFields.Contains(name))
            {
                site.Field(name).Report(ProblemCodes.FieldNotAllowed,
                    $"A choice rule has no field \"{name}\"; it holds Variable and one comparison operator, or one of And, Or, Not{(topLevel ? ", and Next" : "")}.");
            }
        }
        if (topLevel)
        {
            if (!state.AddTransition(rule, site, "Next"))
            {
                site.Field("Next").Report(ProblemCodes.MissingNext, "A top-level choice rule needs \"Next\": the state to go to when the rule matches.");
            }
            PayloadTemplates.Check(rule, site, "Assign");
        }
    }

    private static void CheckBoolean(StateNode state, JsonObject rule, Site site, string op)
    {
        if (rule.ContainsKey("Variable"))
        {
            site.Field("Variable").Report(ProblemCodes.FieldNotAllowed,
                $"A rule built with {op} has no Variable; put Variable in the rules it combines.");
        }
        if (op == "Not")
        {
            if (Fields.Object(rule, site, "Not", "A Not rule") is { } inner)
            {
                Check(state, inner, site.Field("Not"), topLevel: false);
            }
            return;
        }
        if (Fields.Array(rule, site, op, $"An {op} rule", nonEmpty: true) is { } rules)
        {
            for (var i = 0; i < rules.Count; i++)
            {
                Check(state, rules[i], site.Field(op).Index(i), topLevel: false);
            }
        }
    }

    private static void CheckOperand(JsonObject rule, Site site, string op, Operand operand)
    {
        var value = rule[op];
        var kind = Fields.Kind(value);
        switch (operand)
        {
            case Operand.Path:
                Fields.Path(rule, site, op);
                return;
            case Operand.Timestamp when kind == JsonValueKind.String:
                if (!Rfc3339.IsValid(value!.GetValue<string>()))
                {
                    site.Field(op).Report(ProblemCodes.InvalidTimestamp,
                        $"{op} is {value.ToJsonString()}; it must be an RFC 3339 timestamp such as \"2016-03-14T01:59:00Z\" (uppercase T and Z).");
                }
                return;
        }
        var ok = operand switch
        {
            Operand.String or Operand.Timestamp => kind == JsonValueKind.String,
            Operand.Number => kind == JsonValueKind.Number,
            _ => kind is JsonValueKind.True or JsonValueKind.False,
        };
        if (!ok)
        {
            var expected = operand switch
            {
                Operand.String => "a string",
                Operand.Timestamp => "a timestamp string",
                Operand.Number => "a number",
                _ => "true or false",
            };
            site.Field(op).Report(ProblemCodes.InvalidFieldType, $"{op} compares with {expected}, not {Fields.Describe(value)}.");
        }
    }

    private static void CheckJsonata(StateNode state, JsonObject rule, Site site)
    {
        Fields.OnlyAllowed(rule, site, JsonataFields, "A JSONata choice rule");
        Fields.Require(rule, site, "Condition", "A JSONata choice rule");
        if (!state.AddTransition(rule, site, "Next"))
        {
            site.Field("Next").Report(ProblemCodes.MissingNext, "A choice rule needs \"Next\": the state to go to when the rule matches.");
        }
    }

    private static FrozenDictionary<string, Operand> BuildComparisons()
    {
        var operators = new Dictionary<string, Operand>(StringComparer.Ordinal) { ["StringMatches"] = Operand.String };
        foreach (var (prefix, operand) in new[] { ("String", Operand.String), ("Numeric", Operand.Number), ("Timestamp", Operand.Timestamp) })
        {
            foreach (var relation in new[] { "Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals" })
            {
                operators[prefix + relation] = operand;
                operators[prefix + relation + "Path"] = Operand.Path;
            }
        }
        operators["BooleanEquals"] = Operand.Boolean;
        operators["BooleanEqualsPath"] = Operand.Path;
        foreach (var test in new[] { "IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp" })
        {
            operators[test] = Operand.Boolean;
        }
        return operators.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
