using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Sdc.Processors.Emu.Tests.Support;

/// <summary>
/// A job.json for the EMUS processor, as the planner writes it (shape: tests/Sdc.Processing.Tests/JobFolder.cs):
/// files by absolute path with size, MD5 and SHA-256; products under <see cref="Output"/>.
/// </summary>
internal sealed class EmuJob
{
    public EmuJob(string folder, string from, string[] produces, IEnumerable<string> inputs, IEnumerable<string>? kernels = null,
        IEnumerable<(string Path, string Type)>? calibration = null)
    {
        Folder = Directory.CreateDirectory(folder).FullName;
        Json = new JsonObject
        {
            ["jobId"] = $"emu-{from}-test",
            ["instrument"] = "emu",
            ["from"] = from,
            ["produces"] = new JsonArray([.. produces.Select(p => (JsonNode)p)]),
            ["processor"] = new JsonObject { ["name"] = "emu", ["version"] = "1.0.0", ["image"] = "sdc/emu-processor:1.0.0" },
            ["inputs"] = Files(inputs.Select(p => (p, (string?)null))),
            ["kernels"] = Files((kernels ?? []).Select(p => (p, (string?)null))),
            ["calibration"] = Files((calibration ?? []).Select(c => (c.Path, (string?)c.Type))),
            ["outputPrefix"] = "out",
            ["productVersion"] = "01-00",
            ["creationTime"] = "2021-03-02T00:00:00Z",
            ["parameters"] = new JsonObject(),
        };
    }

    public string Folder { get; }

    public JsonObject Json { get; }

    public string Output => Path.Combine(Folder, "out");

    public string Write()
    {
        var path = Path.Combine(Folder, "job.json");
        File.WriteAllText(path, Json.ToJsonString());
        return path;
    }

    private static JsonArray Files(IEnumerable<(string Path, string? Type)> files)
    {
        var array = new JsonArray();
        foreach (var (path, type) in files)
        {
            var bytes = File.ReadAllBytes(path);
            var file = new JsonObject
            {
                ["location"] = path,
                ["name"] = Path.GetFileName(path),
                ["size"] = bytes.Length,
                ["md5"] = Convert.ToHexStringLower(MD5.HashData(bytes)),
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            };
            if (type is not null)
            {
                file["type"] = type;
            }
            array.Add(file);
        }
        return array;
    }
}
