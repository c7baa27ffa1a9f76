using System.Globalization;
using System.Text.Json;

namespace Sdc.Events;

/// <summary>
/// Reads one member of a JSON object or throws an <see cref="EventFormatException"/> that names its
/// path, so every check in the parser reports the same way.
/// </summary>
internal static class JsonFields
{
    public static string PathOf(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    public static JsonElement RequiredObject(JsonElement parent, string name, string parentPath, string expected)
    {
        var path = PathOf(parentPath, name);
        if (!parent.TryGetProperty(name, out var value))
        {
            throw new EventFormatException(path, "missing", expected);
        }

        return value.ValueKind == JsonValueKind.Object ? value : throw new EventFormatException(path, Got(value), expected);
    }

    /// <summary>A string member that must be there and not empty.</summary>
    public static string RequiredText(JsonElement parent, string name, string parentPath, string expected)
    {
        var path = PathOf(parentPath, name);
        if (!parent.TryGetProperty(name, out var value))
        {
            throw new EventFormatException(path, "missing", expected);
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new EventFormatException(path, Got(value), expected);
        }

        var text = value.GetString()!;
        return text.Length > 0 ? text : throw new EventFormatException(path, "got an empty string", expected);
    }

    /// <summary>A string member that may be absent or null.</summary>
    public static string? OptionalText(JsonElement parent, string name, string parentPath, string expected)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new EventFormatException(PathOf(parentPath, name), Got(value), expected);
    }

    public static string? OptionalSequencer(JsonElement parent, string parentPath)
    {
        const string expected = "the sequencer, a string of hexadecimal digits";
        var sequencer = OptionalText(parent, "sequencer", parentPath, expected);
        return sequencer is null || SequencerOrder.IsValid(sequencer)
            ? sequencer
            : throw new EventFormatException(PathOf(parentPath, "sequencer"), $"got {Quote(sequencer)}", expected);
    }

    public static long RequiredSize(JsonElement parent, string parentPath)
    {
        const string expected = "the object size in bytes, a whole number of at least 0";
        var path = PathOf(parentPath, "size");
        if (!parent.TryGetProperty("size", out var value))
        {
            throw new EventFormatException(path, "missing", expected);
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var size) || size < 0)
        {
            throw new EventFormatException(path, Got(value), expected);
        }

        return size;
    }

    /// <summary>An ISO-8601 time that says its zone (AWS always writes <c>Z</c>); a bare local time would be ambiguous.</summary>
    public static DateTimeOffset RequiredTime(JsonElement parent, string name, string parentPath)
    {
        const string expected = "an ISO-8601 time with its zone, such as 2021-11-12T00:00:00Z";
        var text = RequiredText(parent, name, parentPath, expected);
        if (!parent.GetProperty(name).TryGetDateTimeOffset(out var time) || !HasZone(text))
        {
            throw new EventFormatException(PathOf(parentPath, name), $"got {Quote(text)}", expected);
        }

        return time.ToUniversalTime();
    }

    /// <summary>How a wrong value reads in a message: its kind, and the value itself when short.</summary>
    public static string Got(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "got null",
        JsonValueKind.True => "got true",
        JsonValueKind.False => "got false",
        JsonValueKind.Object => "got an object",
        JsonValueKind.Array => "got an array",
        JsonValueKind.String => value.GetString() is { Length: 0 } ? "got an empty string" : $"got the string {Quote(value.GetString()!)}",
        JsonValueKind.Number => $"got {Shorten(value.GetRawText())}",
        _ => "got nothing",
    };

    public static string Quote(string text) => $"'{Shorten(text)}'";

    private static string Shorten(string text) =>
        text.Length > 100 ? string.Create(CultureInfo.InvariantCulture, $"{text[..100]}… ({text.Length} characters)") : text;

    private static bool HasZone(string text) =>
        text.EndsWith('Z') || text.EndsWith('z')
        || (text.Length > 6 && text[^3] == ':' && (text[^6] == '+' || text[^6] == '-'));
}
