using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Paths.Filters;

/// <summary>One side of a comparison: a literal or a path relative to <c>@</c> or <c>$</c>.</summary>
internal abstract class FilterOperand
{
    /// <summary>False when the operand is a path that does not exist.</summary>
    public abstract bool TryGetValue(JsonNode? item, JsonNode? root, out JsonNode? value);
}
