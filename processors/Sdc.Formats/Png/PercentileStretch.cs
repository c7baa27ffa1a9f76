using System.Numerics;

namespace Sdc.Formats.Png;

/// <summary>
/// Linear stretch of an image to 8 bits between two percentiles of its finite values (quicklooks):
/// values at or below the low percentile become 0, at or above the high one 255; NaN and infinities
/// become 0. Percentiles are estimated from at most a million evenly spaced samples.
/// </summary>
public static class PercentileStretch
{
    private const int MaxSamples = 1_000_000;

    /// <summary>The values at the two percentiles (0-100), or null when there is no finite value.</summary>
    public static (double Low, double High)? Limits<T>(ReadOnlySpan<T> values, double lowPercentile = 0.5, double highPercentile = 99.5)
        where T : IFloatingPointIeee754<T>
    {
        if (lowPercentile is < 0 or > 100 || highPercentile is < 0 or > 100 || lowPercentile > highPercentile)
        {
            throw new ArgumentOutOfRangeException(nameof(lowPercentile), $"Percentiles must satisfy 0 <= low ({lowPercentile}) <= high ({highPercentile}) <= 100.");
        }

        var step = Math.Max(1, values.Length / MaxSamples);
        var samples = new List<double>(Math.Min(values.Length, MaxSamples + 1));
        for (var i = 0; i < values.Length; i += step)
        {
            var v = double.CreateTruncating(values[i]);
            if (double.IsFinite(v))
            {
                samples.Add(v);
            }
        }

        if (samples.Count == 0)
        {
            return null;
        }

        samples.Sort();
        return (At(samples, lowPercentile), At(samples, highPercentile));
    }

    /// <summary>One byte per value; a constant image comes out mid-grey (128).</summary>
    public static byte[] ToBytes<T>(ReadOnlySpan<T> values, double lowPercentile = 0.5, double highPercentile = 99.5)
        where T : IFloatingPointIeee754<T>
    {
        var result = new byte[values.Length];
        if (Limits(values, lowPercentile, highPercentile) is not var (low, high))
        {
            return result;
        }

        var scale = high > low ? 255.0 / (high - low) : 0;
        for (var i = 0; i < values.Length; i++)
        {
            var v = double.CreateTruncating(values[i]);
            result[i] = !double.IsFinite(v) ? (byte)0
                : high <= low ? (byte)128
                : (byte)Math.Clamp(Math.Round((v - low) * scale), 0, 255);
        }

        return result;
    }

    /// <summary>
    /// A grayscale quicklook of a FITS-ordered image (row 0 first, as NAXIS2 counts): rows are flipped
    /// so that row 0 is at the bottom, as ds9 and astropy's imshow(origin='lower') show it.
    /// </summary>
    public static PngImage ToImage<T>(ReadOnlySpan<T> pixels, int width, int height, double lowPercentile = 0.5, double highPercentile = 99.5)
        where T : IFloatingPointIeee754<T>
    {
        if ((long)width * height != pixels.Length)
        {
            throw new ArgumentException($"{width}x{height} is {(long)width * height} pixels, but {pixels.Length} were given.", nameof(pixels));
        }

        var bytes = ToBytes(pixels, lowPercentile, highPercentile);
        var flipped = new byte[bytes.Length];
        for (var y = 0; y < height; y++)
        {
            bytes.AsSpan(y * width, width).CopyTo(flipped.AsSpan((height - 1 - y) * width, width));
        }

        return PngImage.Gray8(flipped, width, height);
    }

    private static double At(List<double> sorted, double percentile)
    {
        var position = percentile / 100 * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
