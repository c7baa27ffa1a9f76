using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Paths.Filters;

/// <summary><c>@.a.b</c> (relative to the item under test) or <c>$.a</c> (relative to the document root).</summary>
internal sealed class PathOperand(bool relative, PathSegment[] segments) : FilterOperand
{
    private readonly bool _definite = PathEvaluator.AllDefinite(segments);

    public override bool TryGetValue(JsonNode? item, JsonNode? root, out JsonNode? value)
    {
        var start = relative ? item : root;
        if (_definite)
        {
            return PathEvaluator.TrySelectDefinite(segments, start, out value);
        }

        value = PathEvaluator.SelectAllAsArray(segments, start);
        return true;
    }
}
