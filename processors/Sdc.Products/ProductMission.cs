using Sdc.Mission;

namespace Sdc.Products;

/// <summary>
/// The mission whose naming rules products follow: the mission.yaml shipped beside the processor
/// (or the one named by SDC_MISSION). Loaded once per process.
/// </summary>
public static class ProductMission
{
    private static readonly Lazy<Mission.Mission> Loaded = new(() =>
        MissionLoader.LoadFile(Environment.GetEnvironmentVariable("SDC_MISSION") is { Length: > 0 } path
            ? path
            : Path.Combine(AppContext.BaseDirectory, MissionLoader.DefaultFileName)));

    public static Mission.Mission Current => Loaded.Value;
}
