using System.Text.Json.Nodes;
using Sdc.States.Errors;
using Sdc.States.Expressions;

namespace Sdc.States.Choice;

/// <summary>
/// One comparison: a Variable (a path into the input), an operator, and its operand — a literal,
/// or for the <c>…Path</c> operators another path into the input.
/// </summary>
internal sealed class ComparisonRule : ChoiceRule
{
    private readonly JsonPath _variable;
    private readonly Comparison _comparison;
    private readonly JsonNode? _operand;
    private readonly JsonPath? _operandPath;

    private ComparisonRule(JsonPath variable, Comparison comparison, JsonNode? operand, JsonPath? operandPath)
    {
        _variable = variable;
        _comparison = comparison;
        _operand = operand;
        _operandPath = operandPath;
    }

    public static new ComparisonRule Parse(JsonObject json)
    {
        var variable = JsonPath.Parse(json["Variable"]!.GetValue<string>());
        foreach (var (key, value) in json)
        {
            if (Comparisons.Find(key) is { } comparison)
            {
                return comparison.OperandIsPath
                    ? new ComparisonRule(variable, comparison, null, JsonPath.Parse(value!.GetValue<string>()))
                    : new ComparisonRule(variable, comparison, value?.DeepClone(), null);
            }
        }
        throw new FormatException($"Choice rule has no comparison operator: {json.ToJsonString()}");
    }

    public override bool Matches(JsonNode? input)
    {
        var present = _variable.TryEvaluate(input, out var value);
        if (_comparison.IsTypeTest)
        {
            return _comparison.Test(present, value, _operand);
        }
        if (!present)
        {
            throw new StatesRuntimeException($"Invalid path '{_variable.Text}': The choice state's condition path references an invalid value.");
        }
        var operand = _operand;
        if (_operandPath is not null && !_operandPath.TryEvaluate(input, out operand))
        {
            throw new StatesRuntimeException($"Invalid path '{_operandPath.Text}': The choice state's condition path references an invalid value.");
        }
        return _comparison.Test(true, value, operand);
    }
}
