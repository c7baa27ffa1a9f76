using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Paths;

/// <summary><c>[n]</c>; a negative index counts from the end.</summary>
internal sealed class IndexSegment(int position, int index) : PathSegment(position)
{
    public int Index { get; } = index;

    public override bool IsDefinite => true;

    public override bool TrySelect(JsonNode? current, out JsonNode? next)
    {
        if (current is JsonArray array)
        {
            var i = Index < 0 ? array.Count + Index : Index;
            if (i >= 0 && i < array.Count)
            {
                next = array[i];
                return true;
            }
        }

        next = null;
        return false;
    }

    public override void AppendCanonical(StringBuilder builder) =>
        builder.Append('[').Append(Index.ToString(CultureInfo.InvariantCulture)).Append(']');
}
