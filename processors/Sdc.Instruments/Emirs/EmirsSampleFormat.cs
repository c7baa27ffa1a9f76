namespace Sdc.Instruments;

/// <summary>How EMIRS interferogram samples are stored: the value is the bytes per sample.</summary>
public enum EmirsSampleFormat
{
    /// <summary>Signed 16-bit samples.</summary>
    TwoBytes = 2,

    /// <summary>Signed 32-bit samples (what the simulator writes).</summary>
    FourBytes = 4,
}
