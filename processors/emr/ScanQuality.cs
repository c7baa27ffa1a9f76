namespace Sdc.Processors.Emr;

/// <summary>
/// Quality flags of one scan: the QUALITY column of the Level 1 and Level 2 tables. A product's
/// quality (outputs.json, QUALITY in the primary header) is the OR of its rows'. 0 is good data.
/// </summary>
[Flags]
public enum ScanQuality : short
{
    None = 0,

    /// <summary>Segments never arrived: the missing samples are null (TNULL) in Level 1.</summary>
    Incomplete = 1,

    /// <summary>A packet sequence-count gap lies just before or inside the scan.</summary>
    SequenceGap = 2,

    /// <summary>The Level 0 file ended (or a packet length ran past its end) inside this scan.</summary>
    Truncated = 4,

    /// <summary>A segment of this scan was malformed, inconsistent with the others, or repeated, and was dropped.</summary>
    BadSegment = 8,

    /// <summary>The detector temperature is outside the range emr.yaml allows.</summary>
    DetectorTemperature = 16,

    /// <summary>Level 2: no spectrum (incomplete scan, or not a Mars scene): radiance and brightness temperature are NaN.</summary>
    NotCalibrated = 32,
}
