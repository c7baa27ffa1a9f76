using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Sdc.Processors.Emr.Tests.Support;

/// <summary>
/// One run of the EMIRS processor as the SDC starts it: a job.json in a fresh folder, the process
/// started through processors/emr/run, its JSON lines, exit code and products (under out/).
/// </summary>
internal sealed class EmrRun
{
    private EmrRun(string folder, int exitCode, List<JsonObject> lines, string stderr)
    {
        Folder = folder;
        ExitCode = exitCode;
        Lines = lines;
        Stderr = stderr;
    }

    public string Folder { get; }

    public int ExitCode { get; }

    public List<JsonObject> Lines { get; }

    public string Stderr { get; }

    public string OutputFolder => Path.Combine(Folder, "out");

    public IEnumerable<JsonObject> Messages => Lines.Where(l => l["type"]?.GetValue<string>() == "message");

    public IEnumerable<JsonObject> MessagesWithCode(string code) => Messages.Where(m => m["code"]!.GetValue<string>() == code);

    public JsonObject Outputs => JsonNode.Parse(File.ReadAllText(Path.Combine(OutputFolder, "outputs.json")))!.AsObject();

    public IReadOnlyList<JsonObject> Products => [.. Outputs["products"]!.AsArray().Select(p => p!.AsObject())];

    /// <summary>The path of the one product of this level.</summary>
    public string Product(string level) =>
        Path.Combine(OutputFolder, Products.Single(p => p["level"]!.GetValue<string>() == level)["name"]!.GetValue<string>());

    public override string ToString() =>
        $"exit {ExitCode}\n--- stdout\n{string.Join('\n', Lines.Select(l => l.ToJsonString()))}\n--- stderr\n{Stderr}";

    /// <summary>A job over local files: <paramref name="from"/> → <paramref name="produces"/>, inputs and calibration described with their checksums as they are on disk.</summary>
    public static JsonObject Job(string from, string[] produces, IEnumerable<string> inputs, IEnumerable<string>? calibration = null) => new()
    {
        ["jobId"] = $"emr-test-{from}",
        ["instrument"] = "emr",
        ["from"] = from,
        ["produces"] = new JsonArray([.. produces.Select(p => (JsonNode)p)]),
        ["processor"] = new JsonObject { ["name"] = "emr", ["version"] = "1.0.0", ["image"] = "sdc/emr-processor:1.0.0" },
        ["inputs"] = new JsonArray([.. inputs.Select(i => (JsonNode)Describe(i))]),
        ["calibration"] = new JsonArray([.. (calibration ?? []).Select(c => (JsonNode)Describe(c))]),
        ["outputPrefix"] = "out",
        ["productVersion"] = "01-00",
        ["creationTime"] = "2021-02-25T06:00:00Z",
        ["parameters"] = new JsonObject(),
    };

    /// <summary>Runs <paramref name="job"/> in a new folder under <paramref name="scratch"/>.</summary>
    public static async Task<EmrRun> StartAsync(string scratch, JsonObject job, params string[] extraArguments)
    {
        var folder = Directory.CreateDirectory(Path.Combine(scratch, "run-" + Guid.NewGuid().ToString("N")[..12])).FullName;
        var jobFile = Path.Combine(folder, "job.json");
        await File.WriteAllTextAsync(jobFile, job.ToJsonString());
        var (exit, output, error) = await ExternalTools.RunAsync(Repository.PathOf("processors/emr/run"), ["--job", jobFile, .. extraArguments], folder);
        var lines = new List<JsonObject>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            lines.Add(JsonNode.Parse(line) as JsonObject ?? throw new InvalidOperationException($"stdout line is not a JSON object: {line}"));
        }

        return new EmrRun(folder, exit, lines, error);
    }

    private static JsonObject Describe(string path)
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
}
