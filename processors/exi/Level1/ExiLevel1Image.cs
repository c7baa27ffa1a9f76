using System.Globalization;
using Sdc.Formats.Fits;
using Sdc.Instruments;

namespace Sdc.Processors.Exi.Level1;

/// <summary>An EXI Level 1 product read back for calibration: the DN, the pixel flags and the keywords L2 needs.</summary>
public sealed record ExiLevel1Image(
    ExiFilter Filter,
    ExiFrameType FrameType,
    double ExposureSeconds,
    DateTime Start,
    DateTime End,
    int Width,
    int Height,
    ushort[] Pixels,
    byte[] Quality,
    int ProductQuality,
    FitsHeader Header)
{
    /// <summary>Reads what <see cref="ExiLevel1Fits.Create"/> writes.</summary>
    /// <exception cref="BadInputException">The file is not an EXI L1 product (EXI-E003, naming the file and what is wrong).</exception>
    public static ExiLevel1Image From(FitsFile file, string name)
    {
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            var primary = file.Primary;
            var header = primary.Header;
            if (primary.Axes.Count != 2 || primary.Pixels is not ushort[] pixels)
            {
                throw Bad(name, $"the primary HDU is not a 2-D uint16 image (BITPIX {primary.Bitpix}, NAXIS {primary.Axes.Count})");
            }
            var (width, height) = (primary.Axes[0], primary.Axes[1]);
            if (!string.Equals(header.GetString("INSTRUME"), "EXI", StringComparison.Ordinal) || !string.Equals(header.GetString("LEVEL"), "L1", StringComparison.Ordinal))
            {
                throw Bad(name, $"INSTRUME {header.GetString("INSTRUME")} LEVEL {header.GetString("LEVEL")}, expected EXI L1");
            }
            var filterName = header.GetString("FILTER");
            if (!ExiFilters.TryFromDescriptor(filterName, out var filter))
            {
                throw Bad(name, $"FILTER '{filterName}' is not an EXI filter");
            }
            if (!Enum.TryParse<ExiFrameType>(header.GetString("FRAMETYP"), ignoreCase: true, out var frameType) || !Enum.IsDefined(frameType))
            {
                throw Bad(name, $"FRAMETYP '{header.GetString("FRAMETYP")}' is not SCIENCE, DARK or FLAT");
            }
            var exposure = header.GetDouble("EXPTIME");
            if (!(exposure > 0))
            {
                throw Bad(name, $"EXPTIME {exposure} is not a positive exposure");
            }
            var quality = file.Hdus.Skip(1).OfType<ImageHdu>().FirstOrDefault(h => string.Equals(h.Name, ExiLevel1Fits.QualityExtension, StringComparison.OrdinalIgnoreCase));
            byte[] flags;
            if (quality is null)
            {
                flags = new byte[pixels.Length];
            }
            else if (quality.Pixels is byte[] q && q.Length == pixels.Length)
            {
                flags = q;
            }
            else
            {
                throw Bad(name, "the QUALITY extension is not a uint8 image of the primary's size");
            }
            return new ExiLevel1Image(filter, frameType, exposure, Time(header, "DATE-OBS", name), Time(header, "DATE-END", name), width, height, pixels, flags,
                header.TryGetInt64("QUALITY", out var productQuality) ? (int)productQuality : 0, header);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidCastException or InvalidOperationException)
        {
            throw Bad(name, e.Message);
        }
    }

    private static DateTime Time(FitsHeader header, string keyword, string name) =>
        DateTime.TryParse(header.GetString(keyword), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw Bad(name, $"{keyword} '{header.GetString(keyword)}' is not an ISO 8601 time");

    private static BadInputException Bad(string name, string problem) =>
        new(ExiMessages.BadInput, $"{name}: not an EXI L1 product: {problem}", name);
}
