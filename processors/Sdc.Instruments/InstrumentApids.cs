namespace Sdc.Instruments;

/// <summary>Which APID carries which instrument's packets, and back (instrument ids as in mission.yaml).</summary>
public static class InstrumentApids
{
    /// <summary>Every science and housekeeping APID of the mission, ascending.</summary>
    public static IReadOnlyList<int> All { get; } =
        [HousekeepingPacket.Apid, ExiImageTile.Apid, EmirsInterferogramSegment.Apid, EmusPhotonEventPacket.Apid];

    /// <summary>The mission.yaml instrument id (exi, emr, emu, sc) whose packets use <paramref name="apid"/>, or null.</summary>
    public static string? InstrumentFor(int apid) => apid switch
    {
        ExiImageTile.Apid => "exi",
        EmirsInterferogramSegment.Apid => "emr",
        EmusPhotonEventPacket.Apid => "emu",
        HousekeepingPacket.Apid => "sc",
        _ => null,
    };

    /// <summary>The APID of an instrument's science (or, for sc, housekeeping) packets.</summary>
    public static int ApidFor(string instrument) => instrument switch
    {
        "exi" => ExiImageTile.Apid,
        "emr" => EmirsInterferogramSegment.Apid,
        "emu" => EmusPhotonEventPacket.Apid,
        "sc" => HousekeepingPacket.Apid,
        _ => throw new ArgumentException($"No packets are defined for instrument '{instrument}'; expected exi, emr, emu or sc.", nameof(instrument)),
    };
}
