namespace Sdc.Instruments;

/// <summary>
/// One spacecraft housekeeping sample. Voltages in V and currents in A travel in milli-units,
/// temperatures in °C in hundredths, so decoded values are the encoded ones rounded to those steps.
/// </summary>
public readonly record struct HousekeepingRecord(
    double BusVoltage,
    double BatteryVoltage,
    double BusCurrent,
    double PanelTemperatureC,
    double BatteryTemperatureC,
    double ExiTemperatureC,
    double EmirsDetectorTemperatureC,
    double EmusDetectorTemperatureC,
    InstrumentMode ExiMode,
    InstrumentMode EmirsMode,
    InstrumentMode EmusMode);
