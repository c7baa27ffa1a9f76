using System.Diagnostics;

namespace Sdc.Cli.Tests;

/// <summary>Runs the built <c>sdc</c> as a child process, the way a user does, and captures what it prints.</summary>
internal static class SdcProcess
{
    public static string RepositoryRoot { get; } = global::Sdc.Testing.RepositoryRoot.Path;

    public static async Task<SdcResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new SdcResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>As <see cref="RunAsync"/>, with <paramref name="input"/> piped into its standard input.</summary>
    public static async Task<SdcResult> RunWithInputAsync(string workingDirectory, string input, params string[] args)
    {
        var start = StartInfo(workingDirectory, null, args);
        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new SdcResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts <c>sdc</c> without waiting (to kill it midway); the caller reads its output and disposes it.</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        Process.Start(StartInfo(workingDirectory, environment, args))!;

    private static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string>? environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sdc.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["SDC_HOME"] = RepositoryRoot;
        start.Environment["SDC_DATA"] = null;
        start.Environment["SDC_MISSION"] = null;
        // A wide, colourless console so that assertions see whole lines.
        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "400";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        return start;
    }
}

internal sealed record SdcResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
