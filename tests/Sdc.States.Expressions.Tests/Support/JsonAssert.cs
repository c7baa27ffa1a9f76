using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Tests.Support;

internal static class JsonAssert
{
    /// <summary>Equal as parsed JSON, numbers by value (the conformance README's rule).</summary>
    public static void Equal(JsonNode? expected, JsonNode? actual, string? because = null) =>
        Assert.True(
            JsonValues.DeepEquals(expected, actual),
            $"{because}{(because is null ? string.Empty : ": ")}expected {JsonValues.ToJson(expected)} but got {JsonValues.ToJson(actual)}");
}
