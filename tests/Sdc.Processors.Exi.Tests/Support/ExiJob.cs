using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Sdc.Processors.Exi.Tests.Support;

/// <summary>job.json for the EXI processor, as the SDC's planner writes it (the shape of tests/Sdc.Processing.Tests/JobFolder.cs).</summary>
internal static class ExiJob
{
    public static JsonObject Create(string from, string[] produces, IEnumerable<string> inputs, IEnumerable<string>? kernels = null, IEnumerable<string>? calibration = null) => new()
    {
        ["jobId"] = $"exi-{from}-test",
        ["instrument"] = "exi",
        ["from"] = from,
        ["produces"] = new JsonArray([.. produces.Select(p => (JsonNode)p)]),
        ["processor"] = new JsonObject { ["name"] = "exi", ["version"] = "1.0.0", ["image"] = "sdc/exi-processor:1.0.0" },
        ["inputs"] = Files(inputs),
        ["kernels"] = Files(kernels ?? []),
        ["calibration"] = Files(calibration ?? []),
        ["outputPrefix"] = "out",
        ["productVersion"] = "01-00",
        ["creationTime"] = "2021-02-25T06:00:00Z",
        ["parameters"] = new JsonObject(),
    };

    /// <summary>A job file entry for <paramref name="path"/> with the size and checksums it has now.</summary>
    public static JsonObject Describe(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return new JsonObject
        {
            ["location"] = path,
            ["name"] = Path.GetFileName(path),
            ["size"] = bytes.Length,
            ["md5"] = Convert.ToHexStringLower(MD5.HashData(bytes)),
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)),
        };
    }

    private static JsonArray Files(IEnumerable<string> paths) => new([.. paths.Select(p => (JsonNode)Describe(p))]);
}
