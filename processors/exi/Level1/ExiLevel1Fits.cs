using System.Globalization;
using Sdc.Formats.Fits;
using Sdc.Instruments;
using Sdc.Processors.Exi.Level0;
using Sdc.Products;

namespace Sdc.Processors.Exi.Level1;

/// <summary>
/// The Level 1 product of one EXI frame: the primary HDU holds the raw DN (uint16, stored with
/// BZERO 32768) with timing, filter, exposure, image id, orbit, housekeeping and provenance in its
/// header; the QUALITY extension (uint8, <see cref="ExiPixelQuality"/>) flags missing and
/// saturated pixels.
/// </summary>
public static class ExiLevel1Fits
{
    public const string QualityExtension = "QUALITY";

    /// <summary>The observation keywords an L2 product copies from its L1 input, in this order.</summary>
    public static IReadOnlyList<string> ObservationKeywords { get; } =
    [
        "TELESCOP", "FILTER", "WAVELNTH", "CAMERA", "FRAMETYP", "IMAGEID", "EXPTIME", "DATE-OBS", "DATE-END", "TIMESYS",
        "CUCCOARS", "CUCFINE", "ORBIT", "L0FILE", "NTILES", "NMISSING", "HKTIME", "EXIMODE", "EXITEMP", "PANLTEMP",
        "BATTTEMP", "BUSVOLT", "BATTVOLT", "BUSCURR",
    ];

    public static FitsFile Create(ExiRawImage image, ProcessingContext context, int orbit, string level0File, int saturated, HousekeepingSample? housekeeping)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(context);
        var primary = new ImageHdu(image.Pixels, image.Width, image.Height);
        var header = FitsProvenance.Stamp(primary.Header, context, "l1");
        var start = image.Start.ToDateTime();
        header.Add("TELESCOP", "EMM", "Emirates Mars Mission (Hope)");
        header.Add("FILTER", image.Filter.Descriptor(), "EXI filter");
        header.Add("WAVELNTH", image.Filter.CentreNm(), "[nm] filter centre wavelength");
        header.Add("CAMERA", image.Filter.IsUltraviolet() ? "UV" : "VIS", "EXI camera");
        header.Add("FRAMETYP", FrameTypeName(image.FrameType), "SCIENCE, DARK (shutter closed) or FLAT (lamp)");
        header.Add("IMAGEID", image.ImageId, "image id of the tile packets");
        header.Add("EXPTIME", image.ExposureMs / 1000.0, "[s] exposure time");
        header.Add("DATE-OBS", FitsTime(start), "exposure start (UTC, from the packet time)");
        header.Add("DATE-END", FitsTime(start.AddMilliseconds(image.ExposureMs)), "exposure end (UTC)");
        header.Add("TIMESYS", "UTC", "time scale of DATE-OBS and DATE-END");
        header.Add("CUCCOARS", image.Start.Coarse, "[s] packet time, CUC coarse (epoch 2000-01-01)");
        header.Add("CUCFINE", image.Start.Fine, "[2^-16 s] packet time, CUC fine");
        header.Add("ORBIT", orbit, "orbit number");
        header.Add("L0FILE", level0File, "Level 0 file of the tiles");
        header.Add("L0OFFSET", image.FirstOffset, "[byte] offset of the first tile packet");
        header.Add("NTILES", image.Tiles, "tiles received");
        header.Add("NMISSING", image.MissingPixels, "pixels no tile covered (flagged MISSING)");
        header.Add("NSATUR", saturated, "pixels at or above saturation (flagged SATURATED)");
        header.Add("QUALITY", image.IsComplete ? 0 : ExiProductQuality.MissingTiles, "product quality bits: 1 = missing tiles");
        if (housekeeping is { } hk)
        {
            AddHousekeeping(header, hk);
        }
        header.Add("BUNIT", "DN", "raw 12-bit counts");
        return new FitsFile(primary, QualityHdu(image.Quality, image.Width, image.Height));
    }

    /// <summary>The QUALITY extension: one byte of <see cref="ExiPixelQuality"/> flags per pixel.</summary>
    public static ImageHdu QualityHdu(byte[] quality, int width, int height)
    {
        var hdu = new ImageHdu(quality, width, height) { Name = QualityExtension };
        hdu.Header.AddComment("Pixel flags, OR-ed: 0 good, 1 MISSING (no tile), 2 SATURATED, 4 HOT (dark current), 8 BADFLAT (flat too low to divide by).");
        return hdu;
    }

    public static string FrameTypeName(ExiFrameType type) => type.ToString().ToUpperInvariant();

    /// <summary>ISO 8601 as FITS dates are written, to the microsecond.</summary>
    public static string FitsTime(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    private static void AddHousekeeping(FitsHeader header, HousekeepingSample sample)
    {
        var r = sample.Record;
        header.Add("HKTIME", FitsTime(sample.Time), "housekeeping sample nearest mid-exposure (UTC)");
        header.Add("EXIMODE", r.ExiMode.ToString().ToUpperInvariant(), "EXI mode (housekeeping)");
        header.Add("EXITEMP", r.ExiTemperatureC, "[Celsius] EXI temperature");
        header.Add("PANLTEMP", r.PanelTemperatureC, "[Celsius] solar panel temperature");
        header.Add("BATTTEMP", r.BatteryTemperatureC, "[Celsius] battery temperature");
        header.Add("BUSVOLT", r.BusVoltage, "[V] bus voltage");
        header.Add("BATTVOLT", r.BatteryVoltage, "[V] battery voltage");
        header.Add("BUSCURR", r.BusCurrent, "[A] bus current");
    }
}
