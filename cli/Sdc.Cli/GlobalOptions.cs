using System.CommandLine;

namespace Sdc.Cli;

/// <summary>Options every command accepts: where the local SDC keeps its data, and which mission file it follows.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Data = new("--data")
    {
        Description = "Data directory holding buckets, catalog and logs (default: $SDC_DATA, else .sdc/ in the current directory)",
        Recursive = true,
    };

    public static readonly Option<string?> Mission = new("--mission")
    {
        Description = "Mission file (default: $SDC_MISSION, else ./mission.yaml, else the repository's mission.yaml)",
        Recursive = true,
    };
}
