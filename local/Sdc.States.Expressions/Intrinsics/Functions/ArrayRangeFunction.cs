using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Intrinsics.Functions;

/// <summary>
/// <c>States.ArrayRange(start, end, step)</c>: start, start+step, ... up to and including end
/// (recorded: (0, 10, 3) gives [0, 3, 6, 9]). The step must not be 0 and the result may hold at most 1,000 items.
/// </summary>
internal sealed class ArrayRangeFunction() : IntrinsicFunction("States.ArrayRange", 3, 3)
{
    public const int MaxItems = 1000;

    protected override JsonNode? InvokeCore(IntrinsicArguments arguments)
    {
        var start = arguments.GetRoundedInteger(0, "start");
        var end = arguments.GetRoundedInteger(1, "end");
        var step = arguments.GetRoundedInteger(2, "step");
        if (step == 0)
        {
            throw arguments.Error("argument 3 (step) must not be 0.");
        }

        var count = step > 0
            ? (end >= start ? ((end - start) / step) + 1 : 0)
            : (start >= end ? ((start - end) / -step) + 1 : 0);
        if (count > MaxItems)
        {
            throw arguments.Error($"the range would hold {count} items; at most {MaxItems} are allowed.");
        }

        var result = new JsonArray();
        for (long i = 0, value = start; i < count; i++, value += step)
        {
            result.Add(JsonValue.Create(value));
        }

        return result;
    }
}
