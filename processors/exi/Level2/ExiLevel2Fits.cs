using Sdc.Formats.Fits;
using Sdc.Processors.Exi.Level1;
using Sdc.Products;

namespace Sdc.Processors.Exi.Level2;

/// <summary>
/// The Level 2 product of one EXI science frame: the primary HDU holds the calibrated signal
/// (float32, electron/s in BUNIT; NaN where unknown), with the L1 observation keywords, the
/// calibration applied and provenance; the QUALITY extension carries the pixel flags.
/// </summary>
public static class ExiLevel2Fits
{
    public const string Unit = "electron/s";

    public static FitsFile Create(ExiLevel1Image level1, string level1File, ExiCalibratedImage calibrated, ExiFilterCalibration calibration, ProcessingContext context)
    {
        ArgumentNullException.ThrowIfNull(level1);
        ArgumentNullException.ThrowIfNull(calibrated);
        ArgumentNullException.ThrowIfNull(calibration);
        var primary = new ImageHdu(calibrated.Signal, level1.Width, level1.Height);
        var header = FitsProvenance.Stamp(primary.Header, context, "l2");
        foreach (var keyword in ExiLevel1Fits.ObservationKeywords)
        {
            if (level1.Header.Find(keyword) is { } card)
            {
                header.Add(card);
            }
        }
        header.Add("QUALITY", level1.ProductQuality, "product quality bits: 1 = missing tiles");
        header.Add("L1FILE", level1File, "Level 1 input");
        header.Add("DARKFILE", calibration.DarkFile, "dark current calibration");
        header.Add("FLATFILE", calibration.FlatFile, "flat field calibration");
        header.Add("GAINFILE", calibration.GainFile, "gain and bias calibration");
        header.Add("GAIN", calibration.Gain, "[electron/DN] gain applied");
        header.Add("BIAS", calibration.Bias, "[DN] bias subtracted");
        header.Add("DARKMED", calibration.MedianDark, "[DN/s] median dark current");
        header.Set("NMISSING", calibrated.Missing, "pixels without data (NaN, flagged MISSING)");
        header.Add("NSATUR", calibrated.Saturated, "saturated pixels (flagged SATURATED)");
        header.Add("NHOT", calibrated.Hot, "hot pixels (flagged HOT)");
        header.Add("NBADFLAT", calibrated.BadFlat, "pixels with too low a flat (NaN, flagged BADFLAT)");
        header.Add("BUNIT", Unit, "signal before the flat field, per second");
        header.AddHistory("S = (DN - BIAS - DARK * EXPTIME) / FLAT * GAIN / EXPTIME, per pixel, from DARKFILE, FLATFILE and GAINFILE.");
        return new FitsFile(primary, ExiLevel1Fits.QualityHdu(calibrated.Quality, level1.Width, level1.Height));
    }
}
