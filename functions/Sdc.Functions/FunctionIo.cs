using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sdc.Functions;

/// <summary>Reading a Lambda's input and writing its output: the only I/O the entry points do.</summary>
internal static class FunctionIo
{
    /// <summary>Events are small (S3 and EventBridge cap them far below this); anything larger is not one.</summary>
    private const int MaxInputBytes = 6 * 1024 * 1024;

    public static async Task<byte[]> ReadAsync(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + read > MaxInputBytes)
            {
                throw new InvalidDataException($"The function's input is larger than {MaxInputBytes} bytes; expected an event or a task payload.");
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public static Stream Write<T>(T value, JsonTypeInfo<T> type) => new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(value, type));
}
