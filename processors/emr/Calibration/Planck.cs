namespace Sdc.Processors.Emr.Calibration;

/// <summary>Planck's law in wavenumber units: radiance in W m⁻² sr⁻¹ (cm⁻¹)⁻¹, wavenumber in cm⁻¹.</summary>
public static class Planck
{
    /// <summary>First radiation constant for radiance, 2hc², W m⁻² sr⁻¹ (cm⁻¹)⁻⁴ (CODATA 2018).</summary>
    public const double C1 = 1.191042972e-8;

    /// <summary>Second radiation constant hc/k, cm K (CODATA 2018).</summary>
    public const double C2 = 1.438776877;

    public static double Radiance(double wavenumber, double temperatureK) =>
        wavenumber <= 0 ? 0 : C1 * wavenumber * wavenumber * wavenumber / double.ExpM1(C2 * wavenumber / temperatureK);

    /// <summary>The temperature of a black body with this radiance at this wavenumber; NaN when the radiance is not positive.</summary>
    public static double BrightnessTemperature(double wavenumber, double radiance) =>
        radiance > 0 && wavenumber > 0 ? C2 * wavenumber / Math.Log(1 + (C1 * wavenumber * wavenumber * wavenumber / radiance)) : double.NaN;
}
