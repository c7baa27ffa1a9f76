using System.Text.Json.Nodes;

namespace Sdc.Processors.Exi.Tests.Support;

/// <summary>Runs Scripts/read_products.py (astropy for FITS, Pillow for PNG) over products and returns what it saw, one JSON object per file.</summary>
internal static class Inspector
{
    public static async Task<JsonArray> InspectAsync(IEnumerable<(string Path, (int X, int Y)[] Samples)> files)
    {
        var request = new JsonArray([.. files.Select(f => (JsonNode)new JsonObject
        {
            ["path"] = f.Path,
            ["samples"] = new JsonArray([.. f.Samples.Select(s => (JsonNode)new JsonArray(s.X, s.Y))]),
        })]);
        var (exit, output, error) = await ExternalTools.RunAsync(ExternalTools.Python, [ExternalTools.Script("read_products.py")], request.ToJsonString());
        Assert.True(exit == 0, $"read_products.py failed (exit {exit}): {error}");
        return JsonNode.Parse(output)!.AsArray();
    }
}
