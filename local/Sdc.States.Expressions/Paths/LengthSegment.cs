using System.Text;
using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Paths;

/// <summary>Jayway's <c>.length()</c> function (AWS accepts it in Paths, not in Reference Paths): the size of an array or object.</summary>
internal sealed class LengthSegment(int position) : PathSegment(position)
{
    public override bool IsDefinite => true;

    public override bool TrySelect(JsonNode? current, out JsonNode? next)
    {
        switch (current)
        {
            case JsonArray array:
                next = JsonValue.Create(array.Count);
                return true;
            case JsonObject obj:
                next = JsonValue.Create(obj.Count);
                return true;
            default:
                next = null;
                return false;
        }
    }

    public override void AppendCanonical(StringBuilder builder) => builder.Append(".length()");
}
