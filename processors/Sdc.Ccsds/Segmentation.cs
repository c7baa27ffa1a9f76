namespace Sdc.Ccsds;

/// <summary>
/// The sequence flags of the primary header (CCSDS 133.0-B-2 §4.1.3.4.2): whether a packet carries
/// a whole user-data unit or one segment of a larger one.
/// </summary>
public enum Segmentation
{
    /// <summary>'00': a continuation segment (neither first nor last).</summary>
    Continuation = 0,

    /// <summary>'01': the first segment of a segmented unit.</summary>
    First = 1,

    /// <summary>'10': the last segment of a segmented unit.</summary>
    Last = 2,

    /// <summary>'11': a whole, unsegmented unit (what nearly every packet is).</summary>
    Unsegmented = 3,
}
