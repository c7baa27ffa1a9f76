using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Paths.Filters;

/// <summary>
/// <c>left op right</c> with Jayway's semantics: numbers compare by value, strings ordinally,
/// a number equals a string holding the same number, an absent path equals nothing (so
/// <c>!=</c> is true for it) and ordering across types is false.
/// </summary>
internal sealed class ComparisonExpression(FilterOperand left, ComparisonOperator op, FilterOperand right) : FilterExpression
{
    public override bool Matches(JsonNode? item, JsonNode? root)
    {
        var hasLeft = left.TryGetValue(item, root, out var l);
        var hasRight = right.TryGetValue(item, root, out var r);
        if (op == ComparisonOperator.NotEqual)
        {
            return !(hasLeft && hasRight && AreEqual(l, r));
        }

        if (!hasLeft || !hasRight)
        {
            return false;
        }

        if (op == ComparisonOperator.Equal)
        {
            return AreEqual(l, r);
        }

        if (!TryCompare(l, r, out var order))
        {
            return false;
        }

        return op switch
        {
            ComparisonOperator.LessThan => order < 0,
            ComparisonOperator.LessThanOrEqual => order <= 0,
            ComparisonOperator.GreaterThan => order > 0,
            _ => order >= 0,
        };
    }

    private static bool AreEqual(JsonNode? l, JsonNode? r)
    {
        if (JsonValues.IsNumber(l) && JsonValues.TryGetString(r, out var rs))
        {
            return NumberEqualsString(l!, rs);
        }

        if (JsonValues.IsNumber(r) && JsonValues.TryGetString(l, out var ls))
        {
            return NumberEqualsString(r!, ls);
        }

        return JsonValues.DeepEquals(l, r);
    }

    private static bool NumberEqualsString(JsonNode number, string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
        && JsonValues.TryGetDecimal(number, out var value)
        && value == parsed;

    private static bool TryCompare(JsonNode? l, JsonNode? r, out int order)
    {
        order = 0;
        var lk = JsonValues.KindOf(l);
        var rk = JsonValues.KindOf(r);
        if (lk == JsonValueKind.Number && rk == JsonValueKind.Number)
        {
            order = JsonValues.CompareNumbers(l!, r!);
            return true;
        }

        if (lk == JsonValueKind.String && rk == JsonValueKind.String)
        {
            order = string.CompareOrdinal(l!.GetValue<string>(), r!.GetValue<string>());
            return true;
        }

        return false;
    }
}
