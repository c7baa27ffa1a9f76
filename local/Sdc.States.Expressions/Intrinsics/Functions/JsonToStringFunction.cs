using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Intrinsics.Functions;

/// <summary><c>States.JsonToString(value)</c>: compact JSON text, e.g. <c>{"Arg1":1,"Arg2":[]}</c> (recorded).</summary>
internal sealed class JsonToStringFunction() : IntrinsicFunction("States.JsonToString", 1, 1)
{
    protected override JsonNode? InvokeCore(IntrinsicArguments arguments) => JsonValue.Create(JsonValues.ToJson(arguments[0]));
}
