using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Paths.Filters;

/// <summary>The predicate of a <c>[?(...)]</c> filter.</summary>
internal abstract class FilterExpression
{
    /// <summary>True when <paramref name="item"/> (the <c>@</c> of the filter) satisfies the predicate.</summary>
    public abstract bool Matches(JsonNode? item, JsonNode? root);
}
