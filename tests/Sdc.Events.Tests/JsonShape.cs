using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sdc.Events.Tests;

/// <summary>
/// The member paths of a JSON value with the kind of each (<c>detail.object.size: Number</c>), so an
/// event we make can be checked against AWS's sample for structure, whatever the values.
/// </summary>
internal static class JsonShape
{
    public static SortedSet<string> Of(JsonNode node)
    {
        var shape = new SortedSet<string>(StringComparer.Ordinal);
        Walk(node, "", shape);
        return shape;
    }

    private static void Walk(JsonNode? node, string path, SortedSet<string> shape)
    {
        var kind = node?.GetValueKind() ?? JsonValueKind.Null;
        shape.Add($"{path}: {kind}");
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o)
                {
                    Walk(child, path.Length == 0 ? name : $"{path}.{name}", shape);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Walk(child, $"{path}[]", shape);
                }

                break;
        }
    }
}
