using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sdc.States.Errors;

namespace Sdc.States.Execution;

/// <summary>Step Functions fails a state whose input or output exceeds the payload limit (256 KiB); so does this interpreter.</summary>
internal static class PayloadLimit
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    public static void Check(JsonNode? value, int limitBytes, string stateName)
    {
        if (value is null or JsonValue)
        {
            if (value is null || Size(value) <= limitBytes)
            {
                return;
            }
        }
        var size = Size(value!);
        if (size > limitBytes)
        {
            throw new StatesDataLimitExceededException(
                $"The state/task '{stateName}' returned a result with a size exceeding the maximum number of bytes service limit ({size} > {limitBytes} bytes).");
        }
    }

    public static int Size(JsonNode value)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            value.WriteTo(writer);
        }
        return buffer.WrittenCount;
    }
}
