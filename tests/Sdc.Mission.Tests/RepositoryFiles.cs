namespace Sdc.Mission.Tests;

/// <summary>Finds files of the repository (mission.yaml, …) from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = global::Sdc.Testing.RepositoryRoot.Path;

    public static string MissionYaml => Path.Combine(Root, "mission.yaml");
}
