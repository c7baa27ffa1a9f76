using System.Diagnostics;

namespace Sdc.Formats.Tests.Support;

/// <summary>
/// The independent checkers the suite runs beside the library: fitsverify (HEASARC's, on cfitsio),
/// astropy, and a Python zlib/struct PNG decoder. Missing ones fail the tests with how to get them.
/// </summary>
public static class ExternalTools
{
    public const string Hint =
        "Run ./test.sh from the repository root: it installs the Debian packages fitsverify, python3-astropy and python3-numpy. " +
        "(Or set SDC_PYTHON to a python3 that can import astropy and numpy.)";

    private static readonly Lazy<string> LazyPython = new(FindPython);
    private static readonly Lazy<string> LazyFitsVerify = new(FindFitsVerify);

    /// <summary>A python3 that imports astropy and numpy. Debian's /usr/bin/python3 first: a pyenv
    /// shim earlier on PATH usually has neither.</summary>
    public static string Python => LazyPython.Value;

    public static string FitsVerify => LazyFitsVerify.Value;

    public static string Script(string name) => Path.Combine(AppContext.BaseDirectory, "Scripts", name);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, params string[] arguments)
    {
        using var process = Start(program, arguments, redirectInput: false);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    public static Process Start(string program, IEnumerable<string> arguments, bool redirectInput)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
    }

    private static string FindPython()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("SDC_PYTHON"), "/usr/bin/python3", "python3" }
            .Where(c => !string.IsNullOrEmpty(c)).Distinct();
        var tried = new List<string>();
        foreach (var candidate in candidates)
        {
            try
            {
                var (exit, _, error) = RunAsync(candidate!, "-c", "import astropy, numpy").GetAwaiter().GetResult();
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

        throw new InvalidOperationException($"No python3 with astropy and numpy ({string.Join("; ", tried)}). {Hint}");
    }

    private static string FindFitsVerify()
    {
        try
        {
            RunAsync("fitsverify").GetAwaiter().GetResult();
            return "fitsverify";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"fitsverify is not installed ({e.Message}). {Hint}");
        }
    }
}
