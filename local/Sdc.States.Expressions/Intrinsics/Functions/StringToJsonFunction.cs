using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Intrinsics.Functions;

/// <summary>
/// <c>States.StringToJson(text)</c>: parses JSON text. An empty (or blank) string gives null, as
/// recorded on AWS; integers come out as Jackson writes them (<c>"-0"</c> gives <c>0</c>, recorded).
/// </summary>
internal sealed class StringToJsonFunction() : IntrinsicFunction("States.StringToJson", 1, 1)
{
    protected override JsonNode? InvokeCore(IntrinsicArguments arguments)
    {
        var text = arguments.GetString(0, "JSON text");
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw arguments.Error($"argument 1 is not valid JSON: {e.Message}");
        }

        return NormalizeNegativeZero(parsed);
    }

    private static JsonNode? NormalizeNegativeZero(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    var child = obj[key];
                    var normalized = NormalizeNegativeZero(child);
                    if (!ReferenceEquals(child, normalized))
                    {
                        obj[key] = normalized;
                    }
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var child = array[i];
                    var normalized = NormalizeNegativeZero(child);
                    if (!ReferenceEquals(child, normalized))
                    {
                        array[i] = normalized;
                    }
                }

                return array;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.ToJsonString() == "-0":
                return JsonValue.Create(0);
            default:
                return node;
        }
    }
}
