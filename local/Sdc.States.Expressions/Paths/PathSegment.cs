using System.Text;
using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Paths;

/// <summary>One step of a compiled JSONPath. Selection never copies: callers clone what they hand out.</summary>
internal abstract class PathSegment(int position)
{
    /// <summary>Where the segment starts in the path text (for error messages).</summary>
    public int Position { get; } = position;

    /// <summary>True when the segment selects at most one node.</summary>
    public abstract bool IsDefinite { get; }

    /// <summary>For definite segments: the one node selected from <paramref name="current"/>, false when absent.</summary>
    public virtual bool TrySelect(JsonNode? current, out JsonNode? next) =>
        throw new NotSupportedException($"{GetType().Name} is not a definite segment.");

    /// <summary>Adds every node selected from <paramref name="current"/> to <paramref name="matches"/>.</summary>
    public virtual void Select(JsonNode? current, JsonNode? root, List<JsonNode?> matches)
    {
        if (TrySelect(current, out var next))
        {
            matches.Add(next);
        }
    }

    /// <summary>Appends the segment in Jayway's normalized form (<c>['name']</c>, <c>[0]</c>, <c>[*]</c>), which AWS quotes in its error causes.</summary>
    public abstract void AppendCanonical(StringBuilder builder);
}
