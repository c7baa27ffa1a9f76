using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Paths;

/// <summary><c>[0,2,-1]</c>: the listed elements that exist, in the order listed.</summary>
internal sealed class IndexUnionSegment(int position, int[] indexes) : PathSegment(position)
{
    public override bool IsDefinite => false;

    public override void Select(JsonNode? current, JsonNode? root, List<JsonNode?> matches)
    {
        if (current is not JsonArray array)
        {
            return;
        }

        foreach (var index in indexes)
        {
            var i = index < 0 ? array.Count + index : index;
            if (i >= 0 && i < array.Count)
            {
                matches.Add(array[i]);
            }
        }
    }

    public override void AppendCanonical(StringBuilder builder)
    {
        builder.Append('[');
        for (var i = 0; i < indexes.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(indexes[i].ToString(CultureInfo.InvariantCulture));
        }

        builder.Append(']');
    }
}
