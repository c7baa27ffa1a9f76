using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Paths.Filters;

/// <summary>A string, number, boolean or null literal.</summary>
internal sealed class LiteralOperand(JsonNode? value) : FilterOperand
{
    public override bool TryGetValue(JsonNode? item, JsonNode? root, out JsonNode? result)
    {
        result = value;
        return true;
    }
}
