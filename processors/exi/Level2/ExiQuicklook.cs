using System.Globalization;
using Sdc.Formats.Png;
using Sdc.Instruments;
using Sdc.Processors.Exi.Level1;

namespace Sdc.Processors.Exi.Level2;

/// <summary>The PNG quicklook of an L2 image: 8-bit grey, linear between two percentiles, row 0 at the bottom (as ds9 shows FITS).</summary>
public static class ExiQuicklook
{
    public static PngImage Create(ExiLevel1Image level1, float[] signal, string level2Name, ProcessingContext context, ExiSettings settings)
    {
        ArgumentNullException.ThrowIfNull(level1);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var image = PercentileStretch.ToImage<float>(signal, level1.Width, level1.Height, settings.StretchLowPercentile, settings.StretchHighPercentile);
        var limits = PercentileStretch.Limits<float>(signal, settings.StretchLowPercentile, settings.StretchHighPercentile);
        image.Text.Add(new("Title", $"EXI {level1.Filter.Descriptor()} {ExiLevel1Fits.FitsTime(level1.Start)} UTC"));
        image.Text.Add(new("Software", $"{context.Job.Processor.Name} {context.Job.Processor.Version}"));
        image.Text.Add(new("Source", level2Name));
        image.Text.Add(new("Creation Time", context.Job.CreationTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        image.Text.Add(new("Comment", limits is var (low, high)
            ? string.Create(CultureInfo.InvariantCulture, $"linear stretch, black {low:G6} to white {high:G6} {ExiLevel2Fits.Unit} ({settings.StretchLowPercentile} and {settings.StretchHighPercentile} percentiles)")
            : "no finite pixel"));
        return image;
    }
}
