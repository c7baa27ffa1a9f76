using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Sdc.States.Validation.Tests;

/// <summary>
/// What the npm <c>asl-validator</c> (an independent, schema-based validator, installed in tests/tools) says
/// of every definition of the suite: one run of its CLI per half of the cases, made once per test run.
/// </summary>
public sealed partial class AslValidatorVerdicts : IAsyncLifetime
{
    private readonly Dictionary<string, (bool IsValid, string Output)> verdicts = new(StringComparer.Ordinal);
    private DirectoryInfo? workDirectory;

    public (bool IsValid, string Output) For(string caseName) =>
        verdicts.TryGetValue(caseName, out var verdict)
            ? verdict
            : throw new InvalidOperationException($"asl-validator gave no verdict on {caseName}.");

    public async Task InitializeAsync()
    {
        var executable = RepositoryPaths.AslValidator;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"asl-validator is not installed ({executable} is missing): run ./test.sh, or `npm ci` in tests/tools.");
        }

        workDirectory = Directory.CreateTempSubdirectory("sdc-asl-validator-");
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var definition in DefinitionCases.ByName.Values)
        {
            var file = Path.Combine(workDirectory.FullName, $"case-{index++:D3}.json");
            await File.WriteAllTextAsync(file, definition.Definition.ToJsonString());
            files[file] = definition.Name;
        }

        // Two processes: the validator compiles its schemas per definition, so the run is CPU-bound.
        var halves = files.Keys.Select((file, i) => (file, i)).GroupBy(x => x.i % 2, x => x.file);
        var outputs = await Task.WhenAll(halves.Select(h => RunAsync(executable, h.ToList())));
        foreach (var output in outputs)
        {
            foreach (Match match in Verdict().Matches(output))
            {
                var file = match.Groups["file"].Value;
                if (files.TryGetValue(file, out var name))
                {
                    verdicts[name] = (match.Groups["verdict"].Value == "valid", match.Value.Trim());
                }
            }
        }

        // When asl-validator throws on a definition (it does on a state that is not an object), it prints the
        // exception without the file name and goes on with the next file: such a definition is not accepted.
        var crashes = string.Join("\n", outputs.Where(o => o.Contains("Validator exception", StringComparison.Ordinal)));
        foreach (var name in files.Values.Where(n => !verdicts.ContainsKey(n)))
        {
            if (crashes.Length == 0)
            {
                throw new InvalidOperationException($"asl-validator printed no verdict on {name}:\n{string.Join("\n", outputs)}");
            }
            verdicts[name] = (false, $"asl-validator threw instead of giving a verdict:\n{crashes}");
        }
    }

    public Task DisposeAsync()
    {
        workDirectory?.Delete(recursive: true);
        return Task.CompletedTask;
    }

    private static async Task<string> RunAsync(string executable, IReadOnlyList<string> files)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var file in files)
        {
            start.ArgumentList.Add("--json-path");
            start.ArgumentList.Add(file);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        // 0: all valid; 1: some invalid; 2: it threw on some definition (see InitializeAsync). Anything else is a broken install.
        if (process.ExitCode is not (0 or 1 or 2))
        {
            throw new InvalidOperationException($"asl-validator exited with {process.ExitCode}:\n{await stderr}");
        }
        return new StringBuilder(await stdout).AppendLine().Append(await stderr).ToString();
    }

    // "✓ State machine definition "<file>" is valid", or "✕ … is invalid:" followed by its errors up to the next verdict.
    [GeneratedRegex("State machine definition \"(?<file>[^\"]+)\" is (?<verdict>valid|invalid)(?<errors>(?:.|\\n)*?)(?=(?:\\S+ State machine definition )|\\z)")]
    private static partial Regex Verdict();
}
