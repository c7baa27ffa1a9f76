using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Templates;

/// <summary>A subtree with no <c>.$</c> field anywhere in it: copied as a whole.</summary>
internal sealed class ConstantNode(JsonNode? value) : TemplateNode
{
    // Shared by every evaluation, possibly on several threads at once: build it fully up front.
    private readonly JsonNode? _value = JsonValues.Materialize(value);

    public override JsonNode? Evaluate(JsonNode? input, JsonNode? context) => _value?.DeepClone();
}
