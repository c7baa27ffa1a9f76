using System.Globalization;

namespace Sdc.Local.Batch;

/// <summary>Status reasons in AWS Batch's wording, so that what the pipeline records reads the same locally and on AWS.</summary>
internal static class StatusReasons
{
    /// <summary>AWS Batch gives this reason for every job whose container ran to its end, successful or not; the exit code is added here.</summary>
    public static string Exited(int exitCode) =>
        string.Create(CultureInfo.InvariantCulture, $"Essential container in task exited (exit code {exitCode})");

    public static string TimedOut(int seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"Job attempt duration exceeded timeout of {seconds} seconds");

    public static string CannotStart(string detail) => $"CannotStartContainerError: {detail}";
}
