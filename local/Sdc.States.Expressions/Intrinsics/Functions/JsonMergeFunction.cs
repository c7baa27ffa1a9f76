using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Intrinsics.Functions;

/// <summary>
/// <c>States.JsonMerge(left, right, false)</c>: a shallow merge where right's top-level keys win
/// (recorded: a nested object is replaced, not merged). AWS supports only the shallow mode, so the
/// third argument must be false.
/// </summary>
internal sealed class JsonMergeFunction() : IntrinsicFunction("States.JsonMerge", 3, 3)
{
    protected override JsonNode? InvokeCore(IntrinsicArguments arguments)
    {
        var left = arguments.GetObject(0, "first object");
        var right = arguments.GetObject(1, "second object");
        if (arguments.GetBoolean(2, "deep merge flag"))
        {
            throw arguments.Error("only shallow merging is supported; argument 3 (deep merge flag) must be false.");
        }

        var merged = (JsonObject)left.DeepClone();
        foreach (var (key, value) in right)
        {
            merged[key] = value?.DeepClone();
        }

        return merged;
    }
}
