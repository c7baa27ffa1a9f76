using Sdc.Mission;

namespace Sdc.Promotion.Tests.Support;

/// <summary>The repository's mission, and product names made by its naming rules.</summary>
internal static class Emm
{
    public static Mission.Mission Mission { get; } = MissionLoader.LoadFile(Sdc.Testing.RepositoryRoot.PathOf("mission.yaml"));

    public static string ProductName(string instrument, string level, DateTime start, int orbit, string descriptor, string version, string extension) =>
        Mission.FormatFileName(new MissionFileName(FileNameKind.Product, Mission.Id)
        {
            Instrument = instrument,
            Level = level,
            Start = start,
            Orbit = orbit,
            Descriptor = descriptor,
            Version = ProductVersion.TryParse(version, out var v) ? v : throw new ArgumentException(version),
            Extension = extension,
        });
}
