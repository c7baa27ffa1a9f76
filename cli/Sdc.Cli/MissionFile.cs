namespace Sdc.Cli;

/// <summary>Finds the mission file a command should use.</summary>
internal static class MissionFile
{
    public static string Resolve(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return Path.GetFullPath(option);
        }
        if (Environment.GetEnvironmentVariable("SDC_MISSION") is { Length: > 0 } fromEnvironment)
        {
            return Path.GetFullPath(fromEnvironment);
        }
        var here = Path.GetFullPath(Sdc.Mission.MissionLoader.DefaultFileName);
        if (File.Exists(here))
        {
            return here;
        }
        // ./sdc exports SDC_HOME, the checkout it runs from, whose mission.yaml is the reference mission.
        var home = Environment.GetEnvironmentVariable("SDC_HOME") ?? AppContext.BaseDirectory;
        return Path.Combine(home, Sdc.Mission.MissionLoader.DefaultFileName);
    }
}
