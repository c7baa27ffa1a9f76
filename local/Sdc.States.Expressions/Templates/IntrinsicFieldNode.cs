using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Templates;

/// <summary><c>"name.$": "States.Fn(...)"</c>.</summary>
internal sealed class IntrinsicFieldNode(IntrinsicExpression expression) : TemplateNode
{
    public override JsonNode? Evaluate(JsonNode? input, JsonNode? context) => expression.Evaluate(input, context);
}
