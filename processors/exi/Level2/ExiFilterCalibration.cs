using Sdc.Instruments;

namespace Sdc.Processors.Exi.Level2;

/// <summary>
/// What calibrates one filter's images: dark current (DN/s) and flat field per pixel, gain
/// (e⁻/DN) and bias (DN), with the files they came from.
/// </summary>
public sealed record ExiFilterCalibration(
    ExiFilter Filter,
    int Width,
    int Height,
    float[] Dark,
    float[] Flat,
    double Gain,
    double Bias,
    string DarkFile,
    string FlatFile,
    string GainFile)
{
    /// <summary>The median dark current, DN/s: the reference for flagging hot pixels.</summary>
    public double MedianDark { get; } = Median(Dark);

    private static double Median(float[] values)
    {
        if (values.Length == 0)
        {
            return 0;
        }
        var sorted = (float[])values.Clone();
        Array.Sort(sorted);
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + (double)sorted[mid]) / 2;
    }
}
