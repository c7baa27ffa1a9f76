namespace Sdc.Processors.Exi;

/// <summary>
/// Per-pixel flags of the QUALITY image extension (uint8) of L1 and L2 products; 0 is a good pixel.
/// L1 sets <see cref="Missing"/> and <see cref="Saturated"/>; L2 keeps them and adds the rest.
/// </summary>
[Flags]
public enum ExiPixelQuality : byte
{
    Good = 0,

    /// <summary>No tile covered the pixel (a packet was lost): 0 DN in L1, NaN in L2.</summary>
    Missing = 1,

    /// <summary>The DN reached the saturation level: the L2 value is a lower bound.</summary>
    Saturated = 2,

    /// <summary>The dark current is far above the filter's median: calibrated, but noisier.</summary>
    HotPixel = 4,

    /// <summary>The flat field is too low to divide by: NaN in L2.</summary>
    BadFlat = 8,
}
