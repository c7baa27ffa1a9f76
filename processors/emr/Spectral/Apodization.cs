using System.Globalization;

namespace Sdc.Processors.Emr.Spectral;

/// <summary>Apodization windows and their names in emr.yaml.</summary>
public static class Apodization
{
    /// <summary>The names emr.yaml uses, in the order of <see cref="ApodizationFunction"/>.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["none", "triangle", "hann", "happ-genzel", "norton-beer-weak", "norton-beer-medium", "norton-beer-strong"];

    public static string NameOf(ApodizationFunction function) => Names[(int)function];

    public static bool TryParse(string name, out ApodizationFunction function)
    {
        var index = Names.ToList().IndexOf(name.Trim().ToLowerInvariant());
        function = index < 0 ? default : (ApodizationFunction)index;
        return index >= 0;
    }

    /// <summary>
    /// The window as a circular function of N samples around sample 0: entry d (and N − d) is the
    /// weight at d samples from zero path difference, L = N/2. Rotated to a scan's ZPD by
    /// <see cref="RealFft.LoadWindowed"/>. Entry 0 is 1, so the smoothed spectrum keeps its scale.
    /// </summary>
    public static double[] Window(ApodizationFunction function, int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 2);
        var window = new double[length];
        double reach = length / 2;
        for (var n = 0; n < length; n++)
        {
            var d = Math.Min(n, length - n) / reach;
            window[n] = Weight(function, d);
        }
        return window;
    }

    /// <summary>
    /// Full width at half maximum of the window's line shape, in FFT bins, measured numerically (the
    /// window zero-padded 32 times, transformed, the half-maximum crossings interpolated):
    /// 1.207 for <see cref="ApodizationFunction.None"/>, 2.0 for Hann.
    /// </summary>
    public static double LineWidth(ApodizationFunction function, int length = 256)
    {
        const int Padding = 32;
        var window = Window(function, length);
        var padded = new double[length * Padding];
        // Keep the window circular around 0 in the padded array: right half at the start, left half at the end.
        // The sample at N/2 belongs to both halves: half of it on each side keeps the sum of the scan's weights.
        for (var n = 0; n < length / 2; n++)
        {
            padded[n] = window[n];
            if (n > 0)
            {
                padded[padded.Length - n] = window[length - n];
            }
        }
        padded[length / 2] = padded[padded.Length - (length / 2)] = window[length / 2] / 2;
        var fft = new RealFft(padded.Length);
        var real = new double[fft.Bins];
        var imaginary = new double[fft.Bins];
        fft.Forward(padded, real, imaginary);
        var peak = real[0];
        for (var k = 1; k < real.Length; k++)
        {
            if (real[k] <= peak / 2)
            {
                var crossing = k - 1 + ((real[k - 1] - (peak / 2)) / (real[k - 1] - real[k]));
                return 2 * crossing / Padding;
            }
        }
        throw new InvalidOperationException($"The {NameOf(function)} line shape never falls to half its peak.");
    }

    private static double Weight(ApodizationFunction function, double d)
    {
        var u = 1 - (d * d);
        return function switch
        {
            ApodizationFunction.None => 1,
            ApodizationFunction.Triangle => 1 - d,
            ApodizationFunction.Hann => 0.5 * (1 + Math.Cos(Math.PI * d)),
            ApodizationFunction.HappGenzel => 0.54 + (0.46 * Math.Cos(Math.PI * d)),
            ApodizationFunction.NortonBeerWeak => 0.384093 - (0.087577 * u) + (0.703484 * u * u),
            ApodizationFunction.NortonBeerMedium => 0.152442 - (0.136176 * u) + (0.983734 * u * u),
            ApodizationFunction.NortonBeerStrong => 0.045335 + (0.554883 * u * u) + (0.399782 * u * u * u * u),
            _ => throw new ArgumentOutOfRangeException(nameof(function), function, string.Create(CultureInfo.InvariantCulture, $"unknown apodization {function}")),
        };
    }
}
