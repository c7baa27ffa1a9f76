using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Intrinsics.Functions;

/// <summary><c>States.UUID()</c>: a version 4 UUID in lowercase 8-4-4-4-12 form, from the injected generator.</summary>
internal sealed class UuidFunction(Func<Guid> newUuid) : IntrinsicFunction("States.UUID", 0, 0)
{
    protected override JsonNode? InvokeCore(IntrinsicArguments arguments) => JsonValue.Create(newUuid().ToString("D"));
}
