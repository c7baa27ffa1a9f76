using System.Text.Json.Nodes;
using Sdc.States.Errors;

namespace Sdc.States.Expressions.Templates;

/// <summary><c>"name.$": "$.path"</c> or <c>"name.$": "$$.path"</c>.</summary>
internal sealed class PathFieldNode(string field, JsonPath path) : TemplateNode
{
    public override JsonNode? Evaluate(JsonNode? input, JsonNode? context)
    {
        var root = path.IsContextReference ? context : input;
        if (path.TryEvaluate(root, out var value))
        {
            return value;
        }

        // AWS fails with States.Runtime here (recorded), not the spec's States.ParameterPathFailure.
        throw new StatesRuntimeException(
            $"The JSONPath '{path.Text}' specified for the field '{field}' could not be found in the input '{JsonValues.ToJson(root)}'");
    }
}
