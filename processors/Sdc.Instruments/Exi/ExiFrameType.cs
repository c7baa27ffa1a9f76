namespace Sdc.Instruments;

/// <summary>What an EXI frame looked at: the planet, the closed shutter, or the flat-field lamp.</summary>
public enum ExiFrameType
{
    Science = 0,

    /// <summary>Shutter closed: bias plus dark current only.</summary>
    Dark = 1,

    /// <summary>Uniformly lit by the calibration lamp: shows the flat field and, by its noise, the gain.</summary>
    Flat = 2,
}
