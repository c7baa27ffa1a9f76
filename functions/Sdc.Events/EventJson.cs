using System.Text.Json;

namespace Sdc.Events;

/// <summary>
/// Reads an event into a <see cref="JsonDocument"/> the one strict way: no comments, no trailing
/// commas, nothing after the value, and no property given twice (a second <c>key</c> would leave
/// which object was meant to the parser's whim).
/// </summary>
internal static class EventJson
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowDuplicateProperties = false,
        MaxDepth = 64,
    };

    public const string ExpectedEvent = "a JSON object: an EventBridge 'Object Created' event or an S3 notification with 'Records'";

    public static JsonDocument Parse(ReadOnlySpan<byte> utf8)
    {
        // JsonDocument reads from memory, not a span; events are at most a few hundred KiB.
        try
        {
            return JsonDocument.Parse(utf8.ToArray(), Options);
        }
        catch (JsonException e)
        {
            throw NotJson(e);
        }
    }

    public static JsonDocument Parse(Stream utf8)
    {
        try
        {
            return JsonDocument.Parse(utf8, Options);
        }
        catch (JsonException e)
        {
            throw NotJson(e);
        }
    }

    public static JsonDocument? TryParse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return JsonDocument.Parse(utf8.ToArray(), Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static EventFormatException NotJson(JsonException e) =>
        new("$", $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})", ExpectedEvent, e);
}
