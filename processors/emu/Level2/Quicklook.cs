using Sdc.Formats.Png;

namespace Sdc.Processors.Emu.Level2;

/// <summary>
/// The PNG quicklook of an L2 spectral image: the square root of the rate (so the weak CO bands
/// show beside Lyman-α) stretched linearly between two percentiles, wavelength increasing to the
/// right, detector row 0 at the bottom.
/// </summary>
internal static class Quicklook
{
    public static PngImage Create(SpectralImage image, double lowPercentile, double highPercentile, IEnumerable<KeyValuePair<string, string>> text)
    {
        var values = image.Rate.Select(v => float.IsFinite(v) ? MathF.Sqrt(Math.Max(v, 0)) : float.NaN).ToArray();
        var png = PercentileStretch.ToImage<float>(values, SpectralImage.Columns, image.Rows, lowPercentile, highPercentile);
        foreach (var entry in text)
        {
            png.Text.Add(entry);
        }
        return png;
    }
}
