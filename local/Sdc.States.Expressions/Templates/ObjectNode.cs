using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Templates;

/// <summary>An object with at least one dynamic field somewhere below it.</summary>
internal sealed class ObjectNode(KeyValuePair<string, TemplateNode>[] properties) : TemplateNode
{
    public override JsonNode? Evaluate(JsonNode? input, JsonNode? context)
    {
        var result = new JsonObject();
        foreach (var (key, node) in properties)
        {
            // The indexer, not Add: "a" and "a.$" both map to "a", and the later one wins.
            result[key] = node.Evaluate(input, context);
        }

        return result;
    }
}
