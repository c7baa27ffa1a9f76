namespace Sdc.Instruments;

/// <summary>An instrument's operating mode as housekeeping reports it.</summary>
public enum InstrumentMode
{
    Off = 0,
    Standby = 1,
    Science = 2,
    Calibration = 3,
    Safe = 4,
}
