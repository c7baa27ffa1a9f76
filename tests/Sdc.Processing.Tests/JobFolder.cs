using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Sdc.Processing.Tests;

/// <summary>A scratch folder with input files and a job.json naming them, as a planner (or an ITF) would write it.</summary>
internal sealed class JobFolder : IDisposable
{
    public JobFolder(params (string Name, byte[] Content)[] inputs)
    {
        Path = Directory.CreateTempSubdirectory("sdc-job-").FullName;
        var files = new JsonArray();
        foreach (var (name, content) in inputs)
        {
            File.WriteAllBytes(System.IO.Path.Combine(Path, name), content);
            files.Add(new JsonObject
            {
                ["location"] = name,
                ["name"] = name,
                ["size"] = content.Length,
                ["md5"] = Convert.ToHexStringLower(MD5.HashData(content)),
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(content)),
            });
        }
        Job = new JsonObject
        {
            ["jobId"] = "job-1",
            ["instrument"] = "exi",
            ["from"] = "l0",
            ["produces"] = new JsonArray("l1"),
            ["processor"] = new JsonObject { ["name"] = "exi", ["version"] = "1.0.0", ["image"] = "sdc/exi-processor:1.0.0" },
            ["inputs"] = files,
            ["outputPrefix"] = "out",
            ["productVersion"] = "01-00",
            ["creationTime"] = "2021-02-25T00:00:00Z",
            ["parameters"] = new JsonObject(),
        };
    }

    public string Path { get; }

    public JsonObject Job { get; }

    public string Output => System.IO.Path.Combine(Path, "out");

    public string WriteJob()
    {
        var file = System.IO.Path.Combine(Path, "job.json");
        File.WriteAllText(file, Job.ToJsonString());
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
