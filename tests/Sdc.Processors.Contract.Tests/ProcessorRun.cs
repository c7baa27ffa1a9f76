using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Sdc.Simulator;

namespace Sdc.Processors.Contract.Tests;

/// <summary>
/// One invocation of a processor under the contract: a job.json naming its inputs (with their
/// checksums), the process started through the processor's run script, and what it printed.
/// </summary>
internal sealed class ProcessorRun
{
    private ProcessorRun(string folder, JsonObject job, int exitCode, List<JsonObject> lines, string stderr)
    {
        Folder = folder;
        Job = job;
        ExitCode = exitCode;
        Lines = lines;
        Stderr = stderr;
    }

    public string Folder { get; }

    public JsonObject Job { get; }

    public int ExitCode { get; }

    /// <summary>stdout, one parsed JSON object per line (a line that is not JSON fails the run).</summary>
    public List<JsonObject> Lines { get; }

    public string Stderr { get; }

    public string OutputFolder => Path.Combine(Folder, "out");

    public IEnumerable<JsonObject> Messages => Lines.Where(l => l["type"]?.GetValue<string>() == "message");

    public override string ToString() =>
        $"exit {ExitCode}\n--- stdout\n{string.Join('\n', Lines.Select(l => l.ToJsonString()))}\n--- stderr\n{Stderr}";

    /// <summary>A job for <paramref name="processor"/> over its instrument's orbit-1 Level 0 file in <paramref name="delivery"/>.</summary>
    public static JsonObject JobFor(ProcessorUnderTest processor, SimulationResult delivery)
    {
        var science = delivery.Files.Single(f => f.Kind == SimulatedFileKind.Science && f.Instrument == processor.Instrument && f.Orbit == 1);
        return new JsonObject
        {
            ["jobId"] = $"contract-{processor.Id}",
            ["instrument"] = processor.Instrument,
            ["from"] = processor.From,
            ["produces"] = new JsonArray([.. processor.Produces.Select(p => (JsonNode)p)]),
            ["processor"] = new JsonObject { ["name"] = processor.Name, ["version"] = processor.Version, ["image"] = $"sdc/{processor.Id}-processor:{processor.Version}" },
            ["inputs"] = new JsonArray(Describe(science)),
            ["kernels"] = new JsonArray([.. delivery.Files.Where(f => f.Kind == SimulatedFileKind.Kernel).Select(f => (JsonNode)Describe(f))]),
            ["calibration"] = new JsonArray(),
            ["outputPrefix"] = "out",
            ["productVersion"] = "01-00",
            ["creationTime"] = "2021-02-25T06:00:00Z",
            ["parameters"] = new JsonObject(),
        };
    }

    public static async Task<ProcessorRun> StartAsync(ProcessorUnderTest processor, JsonObject job, string scratch)
    {
        var folder = Directory.CreateDirectory(Path.Combine(scratch, $"{processor.Id}-{Guid.NewGuid():N}")).FullName;
        var jobFile = Path.Combine(folder, "job.json");
        await File.WriteAllTextAsync(jobFile, job.ToJsonString());
        var start = new ProcessStartInfo(Repository.PathOf(processor.RunScript))
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("--job");
        start.ArgumentList.Add(jobFile);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var lines = new List<JsonObject>();
        foreach (var line in (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            lines.Add(JsonNode.Parse(line) as JsonObject ?? throw new InvalidOperationException($"{processor.Id} printed a line that is not a JSON object: {line}"));
        }
        return new ProcessorRun(folder, job, process.ExitCode, lines, await stderr);
    }

    // Checksums of the file as it is on disk: a corrupted file reaches the processor as planned,
    // so the suite sees how the processor itself handles it.
    private static JsonObject Describe(SimulatedFile file)
    {
        var bytes = File.ReadAllBytes(file.Path);
        return new JsonObject
        {
            ["location"] = file.Path,
            ["name"] = file.Name,
            ["size"] = bytes.Length,
            ["md5"] = Convert.ToHexStringLower(MD5.HashData(bytes)),
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)),
        };
    }
}
