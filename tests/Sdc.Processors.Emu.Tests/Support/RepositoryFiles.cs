namespace Sdc.Processors.Emu.Tests.Support;

/// <summary>Files of the repository, found from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string EmuFolder => Path.Combine(Root, "processors", "emu");

    public static string RunScript => Path.Combine(EmuFolder, "run");

    public static Sdc.Mission.Mission Mission { get; } = Sdc.Mission.MissionLoader.LoadFile(Path.Combine(Root, "mission.yaml"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sdc.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Sdc.sln above {AppContext.BaseDirectory}");
    }
}
