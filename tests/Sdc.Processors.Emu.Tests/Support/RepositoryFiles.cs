namespace Sdc.Processors.Emu.Tests.Support;

/// <summary>Files of the repository, found from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = global::Sdc.Testing.RepositoryRoot.Path;

    public static string EmuFolder => Path.Combine(Root, "processors", "emu");

    public static string RunScript => Path.Combine(EmuFolder, "run");

    public static Sdc.Mission.Mission Mission { get; } = Sdc.Mission.MissionLoader.LoadFile(Path.Combine(Root, "mission.yaml"));
}
