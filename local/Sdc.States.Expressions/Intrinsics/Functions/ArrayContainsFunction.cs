using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Intrinsics.Functions;

/// <summary><c>States.ArrayContains(array, value)</c>: whether an element equals the value (deep, numbers by value).</summary>
internal sealed class ArrayContainsFunction() : IntrinsicFunction("States.ArrayContains", 2, 2)
{
    protected override JsonNode? InvokeCore(IntrinsicArguments arguments)
    {
        var array = arguments.GetArray(0, "array");
        var value = arguments[1];
        foreach (var item in array)
        {
            if (JsonValues.DeepEquals(item, value))
            {
                return JsonValue.Create(true);
            }
        }

        return JsonValue.Create(false);
    }
}
