namespace Sdc.Processors.Emu.Level2;

/// <summary>A line of the wave calibration's LINES table: its name and laboratory wavelength, nm.</summary>
public sealed record ReferenceLine(string Name, double WavelengthNm);
