namespace Sdc.Mission;

/// <summary>The kinds of file the mission's naming rules describe, one pattern each in mission.yaml.</summary>
public enum FileNameKind
{
    /// <summary>Instrument data of any level: L0 packets, L1/L2 products, quicklooks, L3 uploads.</summary>
    Product,
    Calibration,
    Kernel,
    /// <summary>The MOC's delivery record, listing each delivered file with size and MD5.</summary>
    Delivery,
}
