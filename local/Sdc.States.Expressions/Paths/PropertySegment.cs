using System.Text;
using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Paths;

/// <summary><c>.name</c> or <c>['name']</c>.</summary>
internal sealed class PropertySegment(int position, string name) : PathSegment(position)
{
    public string Name { get; } = name;

    public override bool IsDefinite => true;

    public override bool TrySelect(JsonNode? current, out JsonNode? next)
    {
        if (current is JsonObject obj && obj.TryGetPropertyValue(Name, out next))
        {
            return true;
        }

        next = null;
        return false;
    }

    public override void AppendCanonical(StringBuilder builder) => builder.Append("['").Append(Name).Append("']");
}
