using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Intrinsics.Functions;

/// <summary>
/// <c>States.MathRandom(start, end[, seed])</c>: a random integer from start (inclusive) to end
/// (exclusive). Non-integers are rounded. With a seed the number is reproducible (though not the
/// number AWS's Java generator would give for that seed); without one it comes from the injected
/// generator.
/// </summary>
internal sealed class MathRandomFunction(Random random) : IntrinsicFunction("States.MathRandom", 2, 3)
{
    protected override JsonNode? InvokeCore(IntrinsicArguments arguments)
    {
        var start = arguments.GetRoundedInteger(0, "start");
        var end = arguments.GetRoundedInteger(1, "end");
        if (start >= end)
        {
            throw arguments.Error($"argument 1 (start) must be less than argument 2 (end), but {start} >= {end}.");
        }

        long value;
        if (arguments.Count == 3)
        {
            var seed = (int)arguments.GetRoundedInteger(2, "seed");
            value = new Random(seed).NextInt64(start, end);
        }
        else if (ReferenceEquals(random, Random.Shared))
        {
            value = random.NextInt64(start, end);
        }
        else
        {
            // An injected Random is not thread-safe; Random.Shared is.
            lock (random)
            {
                value = random.NextInt64(start, end);
            }
        }

        return JsonValue.Create(value);
    }
}
