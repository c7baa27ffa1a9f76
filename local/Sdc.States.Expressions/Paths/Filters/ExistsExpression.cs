using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Paths.Filters;

/// <summary><c>[?(@.x)]</c>: the path exists (a JSON null value counts as existing, as in Jayway).</summary>
internal sealed class ExistsExpression(FilterOperand operand) : FilterExpression
{
    public override bool Matches(JsonNode? item, JsonNode? root) => operand.TryGetValue(item, root, out _);
}
