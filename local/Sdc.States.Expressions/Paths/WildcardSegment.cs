using System.Text;
using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Paths;

/// <summary><c>[*]</c> or <c>.*</c>: every element of an array or every value of an object.</summary>
internal sealed class WildcardSegment(int position) : PathSegment(position)
{
    public override bool IsDefinite => false;

    public override void Select(JsonNode? current, JsonNode? root, List<JsonNode?> matches)
    {
        switch (current)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    matches.Add(item);
                }

                break;
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    matches.Add(value);
                }

                break;
        }
    }

    public override void AppendCanonical(StringBuilder builder) => builder.Append("[*]");
}
