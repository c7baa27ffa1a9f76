namespace Sdc.Simulator.Tests;

/// <summary>Finds files of the repository (mission.yaml) from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string MissionYaml => Path.Combine(Root, "mission.yaml");

    public static Sdc.Mission.Mission Mission { get; } = Sdc.Mission.MissionLoader.LoadFile(MissionYaml);

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
