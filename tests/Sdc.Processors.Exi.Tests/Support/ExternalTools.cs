using System.Diagnostics;

namespace Sdc.Processors.Exi.Tests.Support;

/// <summary>
/// The independent checkers: HEASARC fitsverify, and a python3 with astropy, numpy and Pillow.
/// Missing ones fail the tests with how to get them.
/// </summary>
internal static class ExternalTools
{
    public const string Hint =
        "Install the Debian packages fitsverify, python3-astropy, python3-numpy and python3-pil (./test.sh does the first three), " +
        "or set SDC_PYTHON to a python3 that imports astropy, numpy and PIL.";

    private static readonly Lazy<string> LazyPython = new(FindPython);

    /// <summary>A python3 that imports astropy, numpy and PIL (Debian's /usr/bin/python3 first: a pyenv shim usually has none).</summary>
    public static string Python => LazyPython.Value;

    public static string Script(string name) => Path.Combine(AppContext.BaseDirectory, "Scripts", name);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, IEnumerable<string> arguments, string? input = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>fitsverify's verdict: passes with 0 warnings and 0 errors, or fails the test with its full report.</summary>
    public static async Task AssertFitsverifyCleanAsync(string path)
    {
        (int ExitCode, string Output, string Error) report;
        try
        {
            report = await RunAsync("fitsverify", [path]);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"fitsverify is not installed ({e.Message}). {Hint}", e);
        }
        Assert.True(report.ExitCode == 0 && report.Output.Contains("Verification found 0 warning(s) and 0 error(s).", StringComparison.Ordinal),
            $"fitsverify rejects {Path.GetFileName(path)} (exit {report.ExitCode}):\n{report.Output}{report.Error}");
    }

    private static string FindPython()
    {
        var tried = new List<string>();
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable("SDC_PYTHON"), "/usr/bin/python3", "python3" }.Where(c => !string.IsNullOrEmpty(c)).Distinct())
        {
            try
            {
                var (exit, _, error) = RunAsync(candidate!, ["-c", "import astropy, numpy, PIL"]).GetAwaiter().GetResult();
                if (exit == 0)
                {
                    return candidate!;
                }
                tried.Add($"{candidate}: {error.Trim().Split('\n').LastOrDefault()}");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                tried.Add($"{candidate}: {e.Message}");
            }
        }
        throw new InvalidOperationException($"No python3 with astropy, numpy and PIL ({string.Join("; ", tried)}). {Hint}");
    }
}
