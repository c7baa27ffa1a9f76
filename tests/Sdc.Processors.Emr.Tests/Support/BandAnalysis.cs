using Sdc.Instruments;

namespace Sdc.Processors.Emr.Tests.Support;

/// <summary>
/// What "the spectrum recovers the truth" means, as README.md states it: every planted band's
/// minimum (parabola through the lowest grid point and its neighbours) within one grid step of its
/// centre and its depth, 1 − L/B(σ, 220 K), within 0.01 of the planted 1 − T(σ) there (0.03 with the
/// triangle apodization, whose sinc² wings leak the bright 400–600 cm⁻¹ continuum into the bands:
/// 0.012 into CO₂, 0.022 into the weak 1595 cm⁻¹ band); and outside
/// the bands (planted transmission above 0.995) the brightness temperature within a tolerance of 220 K.
/// </summary>
internal static class BandAnalysis
{
    /// <summary>Depth tolerance with every apodization but the triangle.</summary>
    public const double DepthTolerance = 0.01;

    /// <summary>Depth tolerance with the triangle apodization.</summary>
    public const double TriangleDepthTolerance = 0.03;

    public static void AssertBandsRecovered(IReadOnlyList<double> wavenumbers, IReadOnlyList<double> radiance, double depthTolerance = DepthTolerance)
    {
        var step = wavenumbers[1] - wavenumbers[0];
        var transmission = wavenumbers.Select((w, j) => radiance[j] / EmirsTruth.Planck(w, EmirsTruth.SurfaceTemperatureK)).ToArray();
        foreach (var band in EmirsTruth.Bands)
        {
            var inside = Enumerable.Range(1, wavenumbers.Count - 2).Where(j => Math.Abs(wavenumbers[j] - band.CentreWavenumber) <= band.FullWidth / 2).ToList();
            var i = inside.MinBy(j => transmission[j]);
            var (left, middle, right) = (transmission[i - 1], transmission[i], transmission[i + 1]);
            var vertex = wavenumbers[i] + (step * 0.5 * (left - right) / (left - (2 * middle) + right));
            Assert.True(Math.Abs(vertex - band.CentreWavenumber) <= step,
                $"{band.Name}: minimum at {vertex:0.00} cm-1, planted at {band.CentreWavenumber} (tolerance {step})");
            var depth = 1 - middle;
            var planted = 1 - EmirsTruth.Transmission(wavenumbers[i]);
            Assert.True(Math.Abs(depth - planted) <= depthTolerance,
                $"{band.Name}: depth {depth:0.0000} at {wavenumbers[i]} cm-1, planted {planted:0.0000} (tolerance {depthTolerance})");
        }
    }

    public static void AssertContinuum(IReadOnlyList<double> wavenumbers, IReadOnlyList<double> brightnessTemperature, double toleranceK)
    {
        var outside = Enumerable.Range(0, wavenumbers.Count).Where(j => EmirsTruth.Transmission(wavenumbers[j]) > 0.995).ToList();
        Assert.True(outside.Count > 100, $"only {outside.Count} grid points outside the bands");
        foreach (var j in outside)
        {
            Assert.True(Math.Abs(brightnessTemperature[j] - EmirsTruth.SurfaceTemperatureK) <= toleranceK,
                $"{wavenumbers[j]} cm-1: brightness temperature {brightnessTemperature[j]:0.000} K, planted {EmirsTruth.SurfaceTemperatureK} K (tolerance {toleranceK} K)");
        }
    }
}
