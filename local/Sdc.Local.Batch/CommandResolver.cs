namespace Sdc.Local.Batch;

/// <summary>
/// Finds a job definition's executable before anything starts, so that a missing or
/// non-executable command fails the job with a clear reason (as AWS Batch's
/// CannotStartContainerError does) instead of surfacing as exit code 127 from the shell.
/// </summary>
internal static class CommandResolver
{
    /// <summary>The full path of the executable, or null with the reason it cannot run.</summary>
    /// <param name="searchPath">The PATH the job runs with, for commands given by name.</param>
    public static string? Resolve(string command, string? searchPath, out string reason)
    {
        if (command.Contains('/', StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(command);
            return Check(path, out reason) ? path : null;
        }
        foreach (var folder in (searchPath ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, command);
            if (Check(candidate, out _))
            {
                reason = "";
                return candidate;
            }
        }
        reason = $"{command}: not found on PATH";
        return null;
    }

    private static bool Check(string path, out string reason)
    {
        if (!File.Exists(path))
        {
            reason = Directory.Exists(path) ? $"{path}: is a directory" : $"{path}: no such file";
            return false;
        }
        const UnixFileMode Executable = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & Executable) == 0)
        {
            reason = $"{path}: not executable";
            return false;
        }
        reason = "";
        return true;
    }
}
