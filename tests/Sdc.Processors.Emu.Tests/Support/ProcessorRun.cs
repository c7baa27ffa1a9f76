using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Sdc.Processors.Emu.Tests.Support;

/// <summary>One run of processors/emu/run as a child process: exit code, the JSON lines of stdout, stderr.</summary>
internal sealed record ProcessorRun(int ExitCode, IReadOnlyList<JsonObject> Lines, string Error)
{
    // The first run builds the processor (dotnet build -c Release), which on a busy machine takes minutes.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public IEnumerable<JsonObject> Messages => Lines.Where(l => (string?)l["type"] == "message");

    public IEnumerable<JsonObject> WithCode(string code) => Messages.Where(m => (string?)m["code"] == code);

    public JsonObject End => Lines.Single(l => (string?)l["type"] == "end");

    public override string ToString() => $"exit {ExitCode}\n{string.Join("\n", Lines.Select(l => l.ToJsonString()))}\n{Error}";

    public static async Task<ProcessorRun> StartAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo(RepositoryFiles.RunScript)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {RepositoryFiles.RunScript}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{RepositoryFiles.RunScript} {string.Join(" ", arguments)} ran longer than {Timeout}.");
        }
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line) as JsonObject ?? throw new InvalidOperationException($"stdout line is not a JSON object: {line}"))
            .ToList();
        return new ProcessorRun(process.ExitCode, lines, await error);
    }

    public static Task<ProcessorRun> RunJobAsync(EmuJob job) => StartAsync("--job", job.Write());
}
