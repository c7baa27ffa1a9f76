using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Sdc.Events.Tests;

/// <summary>
/// Changes one member of a sample, addressed the way the parser names paths (<c>detail.object.key</c>,
/// <c>Records[0].s3.object.size</c>), so each bad-input case is one line of data.
/// </summary>
internal static class JsonEdit
{
    /// <summary>The sample with the member at <paramref name="path"/> set to <paramref name="valueJson"/>, or removed when it is null.</summary>
    public static byte[] Apply(string sample, string path, string? valueJson)
    {
        var root = SampleFiles.Node(sample);
        var segments = path.Split('.');
        var parent = root;
        foreach (var segment in segments[..^1])
        {
            parent = Step(parent, segment);
        }

        var last = segments[^1];
        var (name, index) = Split(last);
        if (index is { } i)
        {
            var array = parent[name]!.AsArray();
            array[i] = valueJson is null ? null : JsonNode.Parse(valueJson);
        }
        else if (valueJson is null)
        {
            Assert.True(parent.AsObject().Remove(name), $"{path} is not in {sample}");
        }
        else
        {
            parent[name] = JsonNode.Parse(valueJson);
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static JsonNode Step(JsonNode node, string segment)
    {
        var (name, index) = Split(segment);
        var child = node[name] ?? throw new InvalidOperationException($"No '{name}' in the sample");
        return index is { } i ? child[i]! : child;
    }

    private static (string Name, int? Index) Split(string segment)
    {
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0
            ? (segment, null)
            : (segment[..bracket], int.Parse(segment[(bracket + 1)..^1], CultureInfo.InvariantCulture));
    }
}
