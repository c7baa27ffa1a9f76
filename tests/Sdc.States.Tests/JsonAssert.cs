using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sdc.States.Tests;

/// <summary>Compares JSON as parsed values: object key order ignored, numbers by value (1 == 1.0).</summary>
internal static class JsonAssert
{
    public static void Equal(JsonNode? expected, JsonNode? actual, string? because = null)
    {
        if (!DeepEquals(expected, actual))
        {
            Assert.Fail($"{because}\nexpected: {expected?.ToJsonString() ?? "null"}\nactual:   {actual?.ToJsonString() ?? "null"}");
        }
    }

    public static bool DeepEquals(JsonNode? a, JsonNode? b)
    {
        switch (a, b)
        {
            case (null, null):
                return true;
            case (JsonObject x, JsonObject y):
                return x.Count == y.Count && x.All(p => y.TryGetPropertyValue(p.Key, out var other) && DeepEquals(p.Value, other));
            case (JsonArray x, JsonArray y):
                return x.Count == y.Count && x.Zip(y).All(p => DeepEquals(p.First, p.Second));
            case (JsonValue x, JsonValue y):
                var kx = x.GetValueKind();
                var ky = y.GetValueKind();
                if (kx == JsonValueKind.Number && ky == JsonValueKind.Number)
                {
                    return Sdc.States.Expressions.JsonValues.CompareNumbers(x, y) == 0;
                }
                return kx == ky && x.ToJsonString() == y.ToJsonString();
            default:
                return false;
        }
    }
}
