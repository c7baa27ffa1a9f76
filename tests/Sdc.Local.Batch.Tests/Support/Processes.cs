namespace Sdc.Local.Batch.Tests.Support;

/// <summary>What the tests check about processes the scripts started: pids recorded in files, and whether they still run (Linux /proc).</summary>
internal static class Processes
{
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // "pid (comm) S ...": the state follows the last ')'; a zombie has finished running.
            var state = stat[stat.LastIndexOf(')') + 2];
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Whether the process stops running within <paramref name="within"/> (a SIGKILL is delivered asynchronously).</summary>
    public static async Task<bool> StopsAsync(int pid, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (IsRunning(pid))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            await Task.Delay(20);
        }
        return true;
    }

    /// <summary>Waits until a script has written <paramref name="path"/> with content, and returns it trimmed.</summary>
    public static async Task<string> WaitForFileAsync(string path, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            if (File.Exists(path) && (await File.ReadAllTextAsync(path)).Trim() is { Length: > 0 } text)
            {
                return text;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{path} was not written within {within}");
            }
            await Task.Delay(20);
        }
    }

    public static async Task<int> WaitForPidAsync(string path) =>
        int.Parse(await WaitForFileAsync(path, TimeSpan.FromSeconds(30)), System.Globalization.CultureInfo.InvariantCulture);
}
