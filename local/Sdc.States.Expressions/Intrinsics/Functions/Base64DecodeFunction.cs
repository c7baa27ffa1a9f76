using System.Text;
using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Intrinsics.Functions;

/// <summary><c>States.Base64Decode(base64)</c>: the UTF-8 text of Base64 data; the input may hold at most 10,000 characters.</summary>
internal sealed class Base64DecodeFunction() : IntrinsicFunction("States.Base64Decode", 1, 1)
{
    public const int MaxLength = 10_000;

    protected override JsonNode? InvokeCore(IntrinsicArguments arguments)
    {
        var text = arguments.GetString(0, "Base64 data");
        if (text.Length > MaxLength)
        {
            throw arguments.Error($"the input holds {text.Length} characters; at most {MaxLength} are allowed.");
        }

        var buffer = new byte[((text.Length + 3) / 4) * 3];
        if (!Convert.TryFromBase64String(text, buffer, out var written))
        {
            throw arguments.Error("argument 1 is not valid Base64.");
        }

        return JsonValue.Create(Encoding.UTF8.GetString(buffer, 0, written));
    }
}
