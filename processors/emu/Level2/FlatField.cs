using Sdc.Formats.Fits;
using Sdc.Instruments;

namespace Sdc.Processors.Emu.Level2;

/// <summary>The detector's relative sensitivity per pixel (the <c>flat</c> calibration's primary image, 1024×1024, x fastest).</summary>
internal sealed class FlatField
{
    private FlatField(double[] values)
    {
        Values = values;
    }

    public const int Size = EmusTruth.DetectorSize;

    /// <summary>Pixel (x, y) at [y × 1024 + x].</summary>
    public double[] Values { get; }

    /// <exception cref="FormatException">The primary HDU is not a 1024×1024 image.</exception>
    public static FlatField From(FitsFile file)
    {
        var image = file.Primary;
        if (image.Axes.Count != 2 || image.Axes[0] != Size || image.Axes[1] != Size)
        {
            throw new FormatException($"the flat's primary image is ({string.Join(" x ", image.Axes)}); expected {Size} x {Size}");
        }
        return new FlatField(image.GetPhysicalValues());
    }
}
