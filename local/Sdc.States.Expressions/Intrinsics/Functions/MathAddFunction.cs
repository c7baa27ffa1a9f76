using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Intrinsics.Functions;

/// <summary>
/// <c>States.MathAdd(a, b)</c>: the sum of two integers in the 32-bit range. AWS rounds each
/// argument to the nearest integer first, halves upwards (recorded: 1.49 + 1.5 = 3, -1.5 + 0 = -1,
/// -0.5 + 0 = 0).
/// </summary>
internal sealed class MathAddFunction() : IntrinsicFunction("States.MathAdd", 2, 2)
{
    protected override JsonNode? InvokeCore(IntrinsicArguments arguments)
    {
        var a = arguments.GetRoundedInteger(0, "first value");
        var b = arguments.GetRoundedInteger(1, "second value");
        return JsonValue.Create(a + b);
    }
}
