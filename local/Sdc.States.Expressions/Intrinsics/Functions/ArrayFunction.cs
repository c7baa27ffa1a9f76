using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Intrinsics.Functions;

/// <summary><c>States.Array(values...)</c>: an array of its arguments, in order (null arguments included).</summary>
internal sealed class ArrayFunction() : IntrinsicFunction("States.Array", 0, int.MaxValue)
{
    protected override JsonNode? InvokeCore(IntrinsicArguments arguments)
    {
        var array = new JsonArray();
        for (var i = 0; i < arguments.Count; i++)
        {
            array.Add(arguments[i]?.DeepClone());
        }

        return array;
    }
}
