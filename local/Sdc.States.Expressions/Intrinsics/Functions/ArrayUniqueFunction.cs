using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Intrinsics.Functions;

/// <summary><c>States.ArrayUnique(array)</c>: the array without repeated values, first occurrences kept in order.</summary>
internal sealed class ArrayUniqueFunction() : IntrinsicFunction("States.ArrayUnique", 1, 1)
{
    protected override JsonNode? InvokeCore(IntrinsicArguments arguments)
    {
        var array = arguments.GetArray(0, "array");
        var seen = new HashSet<JsonNode?>(JsonValues.EqualityComparer);
        var result = new JsonArray();
        foreach (var item in array)
        {
            if (seen.Add(item))
            {
                result.Add(item?.DeepClone());
            }
        }

        return result;
    }
}
