using System.Numerics;

namespace Sdc.Instruments;

/// <summary>
/// The spectrum EMIRS sees and how it becomes an interferogram.
/// <para>
/// <b>Spectrum.</b> Radiance L(σ) = B(σ, <see cref="SurfaceTemperatureK"/>)·Π T_band(σ), a Planck
/// continuum at 220 K times the transmission of each of <see cref="Bands"/>, in
/// W m⁻² sr⁻¹ (cm⁻¹)⁻¹. The science grid is <see cref="MinWavenumber"/>–<see cref="MaxWavenumber"/>
/// cm⁻¹ (200–1650 cm⁻¹, EMIRS's 6–50 µm) on the FFT bins σ_k = k·<see cref="WavenumberStep"/>.
/// The CO₂ ν₃ band at 2349 cm⁻¹ is outside that grid (and at 220 K Mars emits there a thousandth
/// of its peak), so it is not planted.
/// </para>
/// <para>
/// <b>Interferogram.</b> Counts spectrum C_k = <see cref="Responsivity"/>(σ_k)·L(σ_k) for
/// k = 0…N/2, mirrored to a real symmetric X (X_k = X_{N−k} = C_k), inverse-transformed
/// (<see cref="Fourier.Inverse"/>, numpy's ifft) and rotated so that zero path difference falls
/// on sample z (<see cref="EmirsSegmentHeader.ZpdIndex"/>): I[n] = ifft(X)[(n − z) mod N], plus
/// Gaussian noise of <see cref="NoiseCounts"/> rms, rounded to integers. So
/// |fft(I)|[k] ≈ C_k, and L = |fft(I)|/R; the rad calibration file holds R.
/// </para>
/// </summary>
public static class EmirsTruth
{
    /// <summary>Samples per scan (N).</summary>
    public const int ScanLength = 2048;

    /// <summary>Spacing of the FFT bins, cm⁻¹ (so the Nyquist wavenumber is N/2·Δσ = 2560 cm⁻¹).</summary>
    public const double WavenumberStep = 2.5;

    public const double MinWavenumber = 200;

    public const double MaxWavenumber = 1650;

    /// <summary>Zero path difference of a scan with id 0; the simulator moves it by −3…+3 samples scan to scan (scan id mod 7 − 3).</summary>
    public const int NominalZpdIndex = 1000;

    public const double SurfaceTemperatureK = 220;

    /// <summary>Peak responsivity, counts per W m⁻² sr⁻¹ (cm⁻¹)⁻¹ per bin (interferogram peak ≈ 10⁸ counts).</summary>
    public const double PeakResponsivity = 1e10;

    /// <summary>Interferogram noise, counts rms per sample.</summary>
    public const double NoiseCounts = 2000;

    /// <summary>The (uncooled DTGS) detector's nominal temperature, K.</summary>
    public const double DetectorTemperatureK = 300.15;

    /// <summary>First radiation constant 2hc², W m⁻² sr⁻¹ (cm⁻¹)⁻⁴.</summary>
    public const double C1 = 1.191042972e-8;

    /// <summary>Second radiation constant hc/k, cm K.</summary>
    public const double C2 = 1.4387769;

    /// <summary>The bands planted on the continuum; depths are fractions of the continuum at the centre.</summary>
    public static IReadOnlyList<AbsorptionBand> Bands { get; } =
    [
        new("CO2 nu2 (15 um)", 667, 0.55, 60),
        new("H2O ice", 825, 0.05, 80),
        new("silicate dust (9 um)", 1075, 0.15, 200),
        new("H2O nu2 vapour", 1595, 0.06, 20),
    ];

    /// <summary>Wavenumber of FFT bin k, cm⁻¹.</summary>
    public static double WavenumberOf(int bin) => bin * WavenumberStep;

    /// <summary>Planck radiance B(σ, T), W m⁻² sr⁻¹ (cm⁻¹)⁻¹.</summary>
    public static double Planck(double wavenumber, double temperatureK) =>
        wavenumber <= 0 ? 0 : C1 * wavenumber * wavenumber * wavenumber / (Math.Exp(C2 * wavenumber / temperatureK) - 1);

    /// <summary>Brightness temperature of a radiance at a wavenumber (inverse of <see cref="Planck"/>), K.</summary>
    public static double BrightnessTemperature(double wavenumber, double radiance) =>
        C2 * wavenumber / Math.Log(1 + (C1 * wavenumber * wavenumber * wavenumber / radiance));

    /// <summary>Transmission of all bands together at σ.</summary>
    public static double Transmission(double wavenumber)
    {
        var t = 1.0;
        foreach (var band in Bands)
        {
            t *= band.Transmission(wavenumber);
        }
        return t;
    }

    /// <summary>The planted radiance L(σ), W m⁻² sr⁻¹ (cm⁻¹)⁻¹.</summary>
    public static double Radiance(double wavenumber) => Planck(wavenumber, SurfaceTemperatureK) * Transmission(wavenumber);

    /// <summary>
    /// Instrument responsivity R(σ), counts per radiance unit: flat-topped over the science grid
    /// (≥ 0.55 of peak from 200 to 1650 cm⁻¹) and falling to nothing by 2200 cm⁻¹.
    /// </summary>
    public static double Responsivity(double wavenumber)
    {
        var x = (wavenumber - 925) / 800;
        return PeakResponsivity * Math.Exp(-Math.Pow(x, 6));
    }

    /// <summary>The noise-free counts spectrum C_k, k = 0…N/2.</summary>
    public static double[] CountsSpectrum()
    {
        var spectrum = new double[(ScanLength / 2) + 1];
        for (var k = 1; k < spectrum.Length; k++)
        {
            var sigma = WavenumberOf(k);
            spectrum[k] = Responsivity(sigma) * Radiance(sigma);
        }
        return spectrum;
    }

    /// <summary>The noise-free interferogram with zero path difference at sample <paramref name="zpdIndex"/>.</summary>
    public static double[] Interferogram(int zpdIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(zpdIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(zpdIndex, ScanLength);
        var counts = CountsSpectrum();
        var x = new Complex[ScanLength];
        for (var k = 0; k < counts.Length; k++)
        {
            x[k] = counts[k];
            if (k > 0 && k < ScanLength / 2)
            {
                x[ScanLength - k] = counts[k];
            }
        }
        Fourier.Inverse(x);
        var interferogram = new double[ScanLength];
        for (var n = 0; n < ScanLength; n++)
        {
            interferogram[n] = x[((n - zpdIndex) % ScanLength + ScanLength) % ScanLength].Real;
        }
        return interferogram;
    }
}
