using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Sdc.Processors.Emu.Tests.Support;

/// <summary>
/// The independent checkers: HEASARC fitsverify and a python3 with astropy and numpy (Debian
/// packages that ./test.sh installs; SDC_PYTHON may name another python3). Missing ones fail.
/// </summary>
internal static class ExternalTools
{
    private const string Hint = "Run ./test.sh (it installs fitsverify, python3-astropy and python3-numpy) or set SDC_PYTHON.";

    private static readonly Lazy<string> LazyPython = new(FindPython);

    /// <summary>Asserts that fitsverify finds 0 errors and 0 warnings in the file.</summary>
    public static async Task AssertFitsVerifyCleanAsync(string path)
    {
        var (exit, output, error) = await RunAsync("fitsverify", "-q", path);
        if (exit == 0 && output.Contains("verification OK", StringComparison.Ordinal))
        {
            return;
        }
        var report = await RunAsync("fitsverify", path);
        Assert.Fail($"fitsverify rejects {Path.GetFileName(path)} (exit {exit}): {output}{error}\n{report.Output}");
    }

    /// <summary>Runs a python script (python3 -c) that prints one JSON value; returns it.</summary>
    public static async Task<JsonNode> PythonJsonAsync(string script, params string[] arguments)
    {
        var (exit, output, error) = await RunAsync(LazyPython.Value, ["-c", script, .. arguments]);
        Assert.True(exit == 0, $"python failed (exit {exit}):\n{error}");
        return JsonNode.Parse(output) ?? throw new InvalidOperationException($"python printed no JSON: {output}");
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} cannot be started ({e.Message}). {Hint}", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output, await error);
        }
    }

    // Debian's python3 first: a pyenv shim earlier on PATH usually lacks astropy.
    private static string FindPython()
    {
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable("SDC_PYTHON"), "/usr/bin/python3", "python3" }.Where(c => !string.IsNullOrEmpty(c)))
        {
            try
            {
                if (RunAsync(candidate!, "-c", "import astropy, numpy").GetAwaiter().GetResult().ExitCode == 0)
                {
                    return candidate!;
                }
            }
            catch (InvalidOperationException)
            {
                // Not installed there; try the next.
            }
        }
        throw new InvalidOperationException($"No python3 with astropy and numpy. {Hint}");
    }
}
