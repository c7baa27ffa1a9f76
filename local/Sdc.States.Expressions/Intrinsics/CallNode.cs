using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Intrinsics;

/// <summary><c>States.Name(arg, ...)</c>, bound to its function when parsed.</summary>
internal sealed class CallNode(int position, IntrinsicFunction function, IntrinsicNode[] arguments) : IntrinsicNode(position)
{
    public IntrinsicFunction Function { get; } = function;

    public override JsonNode? Evaluate(JsonNode? input, JsonNode? context)
    {
        var values = arguments.Length == 0 ? [] : new JsonNode?[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            values[i] = arguments[i].Evaluate(input, context);
        }

        return Function.Invoke(new IntrinsicArguments(Function.Name, values, arguments));
    }
}
