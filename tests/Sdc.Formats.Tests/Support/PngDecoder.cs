using System.Text.Json.Nodes;

namespace Sdc.Formats.Tests.Support;

/// <summary>Scripts/png_decode.py: an independent decoder (Python struct + zlib) that also checks every CRC.</summary>
public static class PngDecoder
{
    public static async Task<DecodedPng> DecodeAsync(string path)
    {
        var (exit, output, error) = await ExternalTools.RunAsync(ExternalTools.Python, ExternalTools.Script("png_decode.py"), path);
        Assert.True(exit == 0, $"The Python PNG decoder rejects {Path.GetFileName(path)}: {error}");
        var json = JsonNode.Parse(output)!.AsObject();
        return new DecodedPng(
            json["width"]!.GetValue<int>(),
            json["height"]!.GetValue<int>(),
            json["bit_depth"]!.GetValue<int>(),
            json["color_type"]!.GetValue<int>(),
            json["filters"]!.AsArray().Select(f => f!.GetValue<int>()).ToArray(),
            json["chunks"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray(),
            json["text"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()),
            json["pixels"]!.AsArray().Select(p => p!.GetValue<int>()).ToArray());
    }
}

public sealed record DecodedPng(
    int Width, int Height, int BitDepth, int ColorType, int[] Filters, string[] Chunks, Dictionary<string, string> Text, int[] Pixels);
