using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Intrinsics.Functions;

/// <summary><c>States.ArrayPartition(array, chunkSize)</c>: chunks of chunkSize items; the last may be shorter.</summary>
internal sealed class ArrayPartitionFunction() : IntrinsicFunction("States.ArrayPartition", 2, 2)
{
    protected override JsonNode? InvokeCore(IntrinsicArguments arguments)
    {
        var array = arguments.GetArray(0, "array");
        var size = (int)arguments.GetRoundedInteger(1, "chunk size", 1, int.MaxValue);
        var result = new JsonArray();
        JsonArray? chunk = null;
        foreach (var item in array)
        {
            if (chunk is null || chunk.Count == size)
            {
                chunk = [];
                result.Add(chunk);
            }

            chunk.Add(item?.DeepClone());
        }

        return result;
    }
}
