namespace Sdc.Simulator;

/// <summary>What a simulated file is.</summary>
public enum SimulatedFileKind
{
    /// <summary>Level 0 science packets of one instrument and orbit.</summary>
    Science,

    /// <summary>Level 0 spacecraft housekeeping packets of one orbit.</summary>
    Housekeeping,

    Kernel,

    Calibration,

    DeliveryRecord,
}
