namespace Sdc.Catalog;

/// <summary>What an archived object is. Stored lower-case in <c>files.kind</c>.</summary>
public enum FileKind
{
    /// <summary>Level 0 science telemetry as delivered by the MOC.</summary>
    Science,
    Housekeeping,
    /// <summary>A SPICE kernel.</summary>
    Kernel,
    Calibration,
    /// <summary>A product made by a processor (Level 1 and up) or uploaded by an ITF (Level 3).</summary>
    Product,
    Quicklook,
    Log,
}
