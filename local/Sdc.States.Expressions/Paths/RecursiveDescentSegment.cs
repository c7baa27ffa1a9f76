using System.Text;
using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Paths;

/// <summary><c>..selector</c>: applies the selector to the current node and every descendant, in document (pre-)order.</summary>
internal sealed class RecursiveDescentSegment(int position, PathSegment selector) : PathSegment(position)
{
    public override bool IsDefinite => false;

    public override void Select(JsonNode? current, JsonNode? root, List<JsonNode?> matches) => Walk(current, root, matches);

    public override void AppendCanonical(StringBuilder builder)
    {
        builder.Append("..");
        selector.AppendCanonical(builder);
    }

    private void Walk(JsonNode? node, JsonNode? root, List<JsonNode?> matches)
    {
        selector.Select(node, root, matches);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    if (value is JsonObject or JsonArray)
                    {
                        Walk(value, root, matches);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is JsonObject or JsonArray)
                    {
                        Walk(item, root, matches);
                    }
                }

                break;
        }
    }
}
