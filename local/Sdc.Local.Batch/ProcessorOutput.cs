using System.Text.Json;

namespace Sdc.Local.Batch;

/// <summary>
/// Reads the processor contract's stdout lines: a JSON object with <c>"type": "message"</c> and a
/// string severity, code and text is a message. Anything else (the start and end lines, a stray
/// print, a line cut at the length cap) is only logged.
/// </summary>
internal static class ProcessorOutput
{
    public static ProcessorMessage? ParseMessage(string line)
    {
        var trimmed = line.AsSpan().Trim();
        if (trimmed.Length == 0 || trimmed[0] != '{')
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (String(root, "type") != "message"
                || String(root, "severity") is not { } severity
                || String(root, "code") is not { } code
                || String(root, "text") is not { } text)
            {
                return null;
            }
            long? offset = root.TryGetProperty("offset", out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
                ? number
                : null;
            return new ProcessorMessage(severity, code, text, String(root, "file"), offset);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? String(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
