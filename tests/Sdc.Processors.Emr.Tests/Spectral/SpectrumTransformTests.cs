using Sdc.Instruments;
using Sdc.Processors.Emr.Spectral;

namespace Sdc.Processors.Emr.Tests.Spectral;

public class SpectrumTransformTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(997)]
    [InlineData(1000)]
    [InlineData(2047)]
    public void Magnitude_HannAroundTheZpd_IsTheNaiveDftOfTheScanTimesTheRotatedWindow(int zpd)
    {
        const int N = 2048;
        var scan = RealFftTests.RandomSignal(N, zpd).Select(v => (int)v).ToArray();
        var transform = new SpectrumTransform(N, ApodizationFunction.Hann);
        var magnitude = new double[transform.Bins];

        transform.Magnitude(scan, zpd, magnitude);

        var window = Apodization.Window(ApodizationFunction.Hann, N);
        var apodized = Enumerable.Range(0, N).Select(n => scan[n] * window[((n - zpd) % N + N) % N]).ToArray();
        var (real, imaginary) = RealFftTests.NaiveDft(apodized);
        var scale = apodized.Sum(Math.Abs);
        for (var k = 0; k < transform.Bins; k++)
        {
            var expected = Math.Sqrt((real[k] * real[k]) + (imaginary[k] * imaginary[k]));
            Assert.True(Math.Abs(magnitude[k] - expected) < 1e-12 * scale, $"bin {k}: {magnitude[k]}, naive {expected}");
        }
    }

    [Theory]
    [InlineData(997)]
    [InlineData(1003)]
    public void Magnitude_NoApodizationOnTheTruthInterferogram_IsTheCountsSpectrum(int zpd)
    {
        var scan = EmirsTruth.Interferogram(zpd).Select(v => (int)Math.Round(v)).ToArray();
        var counts = EmirsTruth.CountsSpectrum();
        var transform = new SpectrumTransform(EmirsTruth.ScanLength, ApodizationFunction.None);
        var magnitude = new double[transform.Bins];

        transform.Magnitude(scan, zpd, magnitude);

        // Rounding to whole counts adds ~0.3 count rms per sample, ~13 counts per bin.
        for (var k = 1; k < counts.Length; k++)
        {
            Assert.True(Math.Abs(magnitude[k] - counts[k]) < 100, $"bin {k}: {magnitude[k]}, truth {counts[k]}");
        }
    }

    [Fact]
    public void Magnitude_HannOnTheTruthInterferogram_IsTheCountsSpectrumSmoothedByAQuarterAHalfAQuarter()
    {
        var scan = EmirsTruth.Interferogram(1001).Select(v => (int)Math.Round(v)).ToArray();
        var counts = EmirsTruth.CountsSpectrum();
        var transform = new SpectrumTransform(EmirsTruth.ScanLength, ApodizationFunction.Hann);
        var magnitude = new double[transform.Bins];

        transform.Magnitude(scan, 1001, magnitude);

        for (var k = 2; k < counts.Length - 1; k++)
        {
            var smoothed = (0.25 * counts[k - 1]) + (0.5 * counts[k]) + (0.25 * counts[k + 1]);
            Assert.True(Math.Abs(magnitude[k] - smoothed) < 100, $"bin {k}: {magnitude[k]}, smoothed truth {smoothed}");
        }
    }
}
