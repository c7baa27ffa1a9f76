using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Intrinsics.Functions;

/// <summary><c>States.ArrayLength(array)</c>: the number of elements.</summary>
internal sealed class ArrayLengthFunction() : IntrinsicFunction("States.ArrayLength", 1, 1)
{
    protected override JsonNode? InvokeCore(IntrinsicArguments arguments) => JsonValue.Create(arguments.GetArray(0, "array").Count);
}
