using System.Text.Json.Nodes;
using Sdc.States.Errors;

namespace Sdc.States.Expressions.Intrinsics;

/// <summary>A <c>$...</c> argument (over the input) or <c>$$...</c> argument (over the context object).</summary>
internal sealed class PathNode(int position, JsonPath path) : IntrinsicNode(position)
{
    public override JsonNode? Evaluate(JsonNode? input, JsonNode? context)
    {
        var root = path.IsContextReference ? context : input;
        if (path.TrySelect(root, out var value))
        {
            return value;
        }

        throw new StatesRuntimeException(
            $"The JsonPath argument for the field '{path.Text}' could not be found in the input '{JsonValues.ToJson(root)}'");
    }
}
