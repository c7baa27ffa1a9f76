using System.Text;
using System.Text.Json.Nodes;
using Sdc.States.Expressions.Paths.Filters;

namespace Sdc.States.Expressions.Paths;

/// <summary>
/// <c>[?(expr)]</c>. Applied to an array it keeps the matching elements; applied to an object it
/// keeps the object itself when it matches (Jayway's behaviour, which AWS inherits).
/// </summary>
internal sealed class FilterSegment(int position, FilterExpression filter) : PathSegment(position)
{
    public override bool IsDefinite => false;

    public override void Select(JsonNode? current, JsonNode? root, List<JsonNode?> matches)
    {
        switch (current)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    if (filter.Matches(item, root))
                    {
                        matches.Add(item);
                    }
                }

                break;
            case JsonObject obj when filter.Matches(obj, root):
                matches.Add(obj);
                break;
        }
    }

    public override void AppendCanonical(StringBuilder builder) => builder.Append("[?]");
}
