using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Templates;

/// <summary>An array with at least one dynamic field somewhere below it.</summary>
internal sealed class ArrayNode(TemplateNode[] items) : TemplateNode
{
    public override JsonNode? Evaluate(JsonNode? input, JsonNode? context)
    {
        var result = new JsonArray();
        foreach (var item in items)
        {
            result.Add(item.Evaluate(input, context));
        }

        return result;
    }
}
