using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Sdc.Processors.Exi.Tests.Support;

/// <summary>
/// One run of the EXI processor as the SDC starts it: job.json in a fresh folder, the process
/// started through processors/exi/run, stdout parsed one JSON object per line.
/// </summary>
internal sealed class ProcessorRun
{
    private static int _runs;

    private ProcessorRun(string folder, int exitCode, List<JsonObject> lines, string stderr)
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

    /// <summary>outputs.json, or null when the run wrote none.</summary>
    public JsonObject? Outputs
    {
        get
        {
            var path = Path.Combine(OutputFolder, "outputs.json");
            return File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : null;
        }
    }

    /// <summary>The products outputs.json lists, as full paths.</summary>
    public IReadOnlyList<string> Products =>
        [.. (Outputs?["products"]?.AsArray() ?? []).Select(p => Path.Combine(OutputFolder, p!["name"]!.GetValue<string>()))];

    public IEnumerable<JsonObject> WithCode(string code) => Messages.Where(m => m["code"]?.GetValue<string>() == code);

    public override string ToString() =>
        $"exit {ExitCode}\n--- stdout\n{string.Join('\n', Lines.Select(l => l.ToJsonString()))}\n--- stderr\n{Stderr}";

    public static async Task<ProcessorRun> StartAsync(JsonObject job, string scratch)
    {
        var folder = Directory.CreateDirectory(Path.Combine(scratch, $"run-{Interlocked.Increment(ref _runs):D3}")).FullName;
        var jobFile = Path.Combine(folder, "job.json");
        await File.WriteAllTextAsync(jobFile, job.ToJsonString());
        var start = new ProcessStartInfo(Repository.PathOf("processors/exi/run"))
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
        // The first run builds the processor (Release) before running it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        var lines = new List<JsonObject>();
        foreach (var line in (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            try
            {
                lines.Add(JsonNode.Parse(line) as JsonObject ?? throw new System.Text.Json.JsonException("not an object"));
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new InvalidOperationException($"The processor printed a line that is not a JSON object ({e.Message}): {line}\n--- stderr\n{await stderr}", e);
            }
        }
        return new ProcessorRun(folder, process.ExitCode, lines, await stderr);
    }
}
