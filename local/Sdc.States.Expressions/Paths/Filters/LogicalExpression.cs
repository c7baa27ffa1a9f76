using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Paths.Filters;

/// <summary><c>a &amp;&amp; b</c> or <c>a || b</c>, short-circuiting.</summary>
internal sealed class LogicalExpression(FilterExpression left, FilterExpression right, bool isAnd) : FilterExpression
{
    public override bool Matches(JsonNode? item, JsonNode? root) =>
        isAnd
            ? left.Matches(item, root) && right.Matches(item, root)
            : left.Matches(item, root) || right.Matches(item, root);
}
