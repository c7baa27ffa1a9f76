using System.Globalization;
using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Intrinsics.Functions;

/// <summary><c>States.ArrayGetItem(array, index)</c>: the element at a 0-based index.</summary>
internal sealed class ArrayGetItemFunction() : IntrinsicFunction("States.ArrayGetItem", 2, 2)
{
    protected override JsonNode? InvokeCore(IntrinsicArguments arguments)
    {
        var array = arguments.GetArray(0, "array");
        if (!JsonValues.TryGetInt64(arguments[1], out var index))
        {
            throw arguments.Error($"argument 2 (index) must be an integer, but was {JsonValues.ToJson(arguments[1])}.");
        }

        if (index < 0 || index >= array.Count)
        {
            throw arguments.Error(
                $"index {index.ToString(CultureInfo.InvariantCulture)} is out of bounds for an array of length {array.Count.ToString(CultureInfo.InvariantCulture)}.");
        }

        return array[(int)index]?.DeepClone();
    }
}
