using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Sdc.Processors.Emr.Tests.Support;

/// <summary>
/// The independent checkers: HEASARC fitsverify and astropy. Missing ones fail the tests with how
/// to get them (./test.sh installs both).
/// </summary>
internal static class ExternalTools
{
    private const string Hint = "Run ./test.sh from the repository root (it installs fitsverify, python3-astropy and python3-numpy), or set SDC_PYTHON.";

    private static readonly Lazy<string> LazyPython = new(FindPython);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>fitsverify passes the file with 0 warnings and 0 errors.</summary>
    public static async Task AssertFitsVerifiesAsync(string path)
    {
        (int ExitCode, string Output, string Error) result;
        try
        {
            result = await RunAsync("fitsverify", ["-q", path]);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"fitsverify is not installed ({e.Message}). {Hint}");
        }

        if (result.ExitCode != 0 || !result.Output.StartsWith("verification OK", StringComparison.Ordinal))
        {
            var full = await RunAsync("fitsverify", [path]);
            Assert.Fail($"fitsverify rejects {Path.GetFileName(path)}: {result.Output}{result.Error}\n{full.Output}");
        }
    }

    /// <summary>Runs a python script (with astropy and numpy) on the arguments; it prints one JSON value, returned parsed.</summary>
    public static async Task<JsonNode> PythonAsync(string script, params string[] arguments)
    {
        var (exit, output, error) = await RunAsync(LazyPython.Value, ["-c", script, .. arguments]);
        Assert.True(exit == 0, $"python failed (exit {exit}): {error}");
        return JsonNode.Parse(output) ?? throw new InvalidOperationException($"python printed no JSON: {output}");
    }

    private static string FindPython()
    {
        var tried = new List<string>();
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable("SDC_PYTHON"), "/usr/bin/python3", "python3" }.Where(c => !string.IsNullOrEmpty(c)).Distinct())
        {
            try
            {
                var (exit, _, error) = RunAsync(candidate!, ["-c", "import astropy, numpy"]).GetAwaiter().GetResult();
                if (exit == 0)
                {
                    return candidate!;
                }

                tried.Add($"{candidate}: {error.Trim().Split('\n')[^1]}");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                tried.Add($"{candidate}: {e.Message}");
            }
        }

        throw new InvalidOperationException($"No python3 with astropy and numpy ({string.Join("; ", tried)}). {Hint}");
    }
}
