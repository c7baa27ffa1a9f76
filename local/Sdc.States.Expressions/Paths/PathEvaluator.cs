using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Paths;

/// <summary>Runs compiled segments over a document without copying anything.</summary>
internal static class PathEvaluator
{
    public static bool AllDefinite(PathSegment[] segments)
    {
        foreach (var segment in segments)
        {
            if (!segment.IsDefinite)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Walks definite segments; false as soon as a step is absent.</summary>
    public static bool TrySelectDefinite(PathSegment[] segments, JsonNode? root, out JsonNode? result)
    {
        var current = root;
        foreach (var segment in segments)
        {
            if (!segment.TrySelect(current, out current))
            {
                result = null;
                return false;
            }
        }

        result = current;
        return true;
    }

    /// <summary>Every match of an indefinite path, in document order; the nodes still belong to <paramref name="root"/>.</summary>
    public static List<JsonNode?> SelectAll(PathSegment[] segments, JsonNode? root)
    {
        var current = new List<JsonNode?>(1) { root };
        var next = new List<JsonNode?>();
        foreach (var segment in segments)
        {
            next.Clear();
            foreach (var node in current)
            {
                segment.Select(node, root, next);
            }

            (current, next) = (next, current);
        }

        return current;
    }

    /// <summary>A new array holding copies of every match.</summary>
    public static JsonArray SelectAllAsArray(PathSegment[] segments, JsonNode? root)
    {
        var matches = SelectAll(segments, root);
        var array = new JsonArray();
        foreach (var match in matches)
        {
            array.Add(match?.DeepClone());
        }

        return array;
    }
}
