using System.Text;
using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Intrinsics.Functions;

/// <summary><c>States.Base64Encode(text)</c>: the Base64 of the text's UTF-8 bytes; the text may hold at most 10,000 characters.</summary>
internal sealed class Base64EncodeFunction() : IntrinsicFunction("States.Base64Encode", 1, 1)
{
    public const int MaxLength = 10_000;

    protected override JsonNode? InvokeCore(IntrinsicArguments arguments)
    {
        var text = arguments.GetString(0, "text to encode");
        if (text.Length > MaxLength)
        {
            throw arguments.Error($"the input holds {text.Length} characters; at most {MaxLength} are allowed.");
        }

        return JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
    }
}
