using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sdc.Api.Http;

/// <summary>Reads a request body strictly: JSON of the route's shape, no unknown fields, at most <see cref="MaxBytes"/>.</summary>
internal static class JsonBody
{
    public const int MaxBytes = 256 * 1024;

    public static T Read<T>(ReadOnlyMemory<byte> body, JsonTypeInfo<T> type, string expected)
        where T : class
    {
        if (body.Length == 0)
        {
            throw ApiProblemException.BadBody("The request needs a JSON body.", null, expected);
        }
        if (body.Length > MaxBytes)
        {
            throw ApiProblemException.BadBody($"The body is {body.Length} bytes.", null, $"at most {MaxBytes} bytes");
        }
        try
        {
            return JsonSerializer.Deserialize(body.Span, type)
                   ?? throw ApiProblemException.BadBody("The body is JSON null.", null, expected);
        }
        catch (JsonException e)
        {
            // System.Text.Json names the unknown or mistyped member in its path ($.idz, $.ids[3]).
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? null : e.Path.TrimStart('$', '.');
            throw ApiProblemException.BadBody($"The body is not the expected JSON: {FirstSentence(e.Message)}", field, expected);
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
