using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Paths;

/// <summary><c>[start:end]</c> with either bound optional and negative bounds counting from the end (<c>[-3:]</c> is the last three).</summary>
internal sealed class SliceSegment(int position, int? start, int? end) : PathSegment(position)
{
    public override bool IsDefinite => false;

    public override void Select(JsonNode? current, JsonNode? root, List<JsonNode?> matches)
    {
        if (current is not JsonArray array)
        {
            return;
        }

        var count = array.Count;
        var from = Clamp(start ?? 0, count);
        var to = Clamp(end ?? count, count);
        for (var i = from; i < to; i++)
        {
            matches.Add(array[i]);
        }
    }

    public override void AppendCanonical(StringBuilder builder)
    {
        builder.Append('[');
        if (start is { } s)
        {
            builder.Append(s.ToString(CultureInfo.InvariantCulture));
        }

        builder.Append(':');
        if (end is { } e)
        {
            builder.Append(e.ToString(CultureInfo.InvariantCulture));
        }

        builder.Append(']');
    }

    private static int Clamp(int bound, int count)
    {
        var b = bound < 0 ? count + bound : bound;
        return Math.Clamp(b, 0, count);
    }
}
