using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Paths.Filters;

/// <summary><c>!expr</c>.</summary>
internal sealed class NotExpression(FilterExpression operand) : FilterExpression
{
    public override bool Matches(JsonNode? item, JsonNode? root) => !operand.Matches(item, root);
}
