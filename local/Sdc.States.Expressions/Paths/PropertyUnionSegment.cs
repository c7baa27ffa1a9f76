using System.Text;
using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Paths;

/// <summary><c>['a','b']</c>: the listed properties that exist, in the order listed.</summary>
internal sealed class PropertyUnionSegment(int position, string[] names) : PathSegment(position)
{
    public override bool IsDefinite => false;

    public override void Select(JsonNode? current, JsonNode? root, List<JsonNode?> matches)
    {
        if (current is not JsonObject obj)
        {
            return;
        }

        foreach (var name in names)
        {
            if (obj.TryGetPropertyValue(name, out var value))
            {
                matches.Add(value);
            }
        }
    }

    public override void AppendCanonical(StringBuilder builder)
    {
        builder.Append('[');
        for (var i = 0; i < names.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append('\'').Append(names[i]).Append('\'');
        }

        builder.Append(']');
    }
}
