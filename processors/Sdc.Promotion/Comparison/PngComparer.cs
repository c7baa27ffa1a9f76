using Sdc.Formats.Png;
using Sdc.Promotion.Reports;
using Sdc.Promotion.Settings;

namespace Sdc.Promotion.Comparison;

/// <summary>
/// Compares two quicklooks by their pixels: same size and kind, every sample (grey level or R, G, B
/// value) within the quicklook tolerance. The tEXt chunks are not compared: they carry the software
/// version, creation time and display notes, which may all change with a new version.
/// </summary>
internal static class PngComparer
{
    public static IReadOnlyList<HduResult> Compare(string candidatePath, string baselinePath, Tolerance tolerance, List<Difference> differences)
    {
        var candidate = Load(candidatePath, "candidate", differences);
        var baseline = Load(baselinePath, "baseline", differences);
        if (candidate is null || baseline is null)
        {
            return [];
        }
        if ((candidate.Width, candidate.Height, candidate.Format) != (baseline.Width, baseline.Height, baseline.Format))
        {
            differences.Add(new Difference("image", "structure", $"{candidate.Width}x{candidate.Height} {candidate.Format}",
                $"{baseline.Width}x{baseline.Height} {baseline.Format}", "different sizes or pixel formats"));
            return [new HduResult(0, "image", "PNG", 0, [])];
        }
        var c = Samples(candidate);
        var b = Samples(baseline);
        var tally = new ArrayTally(tolerance);
        for (var i = 0; i < b.Length; i++)
        {
            tally.Add(i, c[i], b[i]);
        }
        var channels = baseline.Format == PngPixelFormat.Rgb8 ? 3 : 1;
        var result = tally.ToResult("pixels", tolerance.ToString(), i => $"pixel ({i / channels % baseline.Width}, {i / channels / baseline.Width}) from the top left");
        if (result.Outside > 0)
        {
            differences.Add(new Difference("image", "pixels", null, null,
                $"{result.Outside} of {result.Values} samples outside {result.Tolerance}; first at {result.FirstOutside}; max |difference| {result.MaxAbsoluteDifference}"));
        }
        return [new HduResult(0, "image", "PNG", 0, [result])];
    }

    private static double[] Samples(PngImage image) => image.Pixels switch
    {
        ushort[] words => [.. words.Select(w => (double)w)],
        byte[] bytes => [.. bytes.Select(v => (double)v)],
        _ => [],
    };

    private static PngImage? Load(string path, string role, List<Difference> differences)
    {
        try
        {
            return PngImage.Load(path);
        }
        catch (PngFormatException e)
        {
            differences.Add(new Difference("file", "PNG", null, null, $"the {role}'s file cannot be read: {e.Message}"));
            return null;
        }
    }
}
