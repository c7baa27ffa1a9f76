using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Templates;

/// <summary>A compiled piece of a payload template; each evaluation builds new nodes.</summary>
internal abstract class TemplateNode
{
    public abstract JsonNode? Evaluate(JsonNode? input, JsonNode? context);
}
