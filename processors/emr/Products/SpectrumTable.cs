using Sdc.Formats.Fits;
using Sdc.Processors.Emr.Level0;

namespace Sdc.Processors.Emr.Products;

/// <summary>
/// The Level 2 product: a primary HDU with provenance, then
/// <list type="bullet">
/// <item>BINTABLE <c>SPECTRA</c>, one row per Level 1 scan: SCANID (K), CUCTIME (D, s), UTC (26A),
/// DETTEMP (E, K), QUALITY (I), RADIANCE (ME, W m-2 sr-1 cm, i.e. per cm⁻¹) and BRIGHTT (ME, K) on
/// the M grid wavenumbers; NaN where a scan has no spectrum.</item>
/// <item>BINTABLE <c>MEAN</c>, one row per grid wavenumber: WAVENUMBER (D, cm-1), RADIANCE (D, the mean
/// of the calibrated scans), RADERR (D, its standard error), BRIGHTT (D, K, of the mean radiance).</item>
/// </list>
/// </summary>
public static class SpectrumTable
{
    public const string SpectraName = "SPECTRA";
    public const string MeanName = "MEAN";
    public const string RadianceUnit = "W m-2 sr-1 cm";

    public static FitsFile Build(CalibratedSpectra spectra, Action<FitsHeader> describe)
    {
        ArgumentNullException.ThrowIfNull(spectra);
        ArgumentNullException.ThrowIfNull(describe);
        var scans = spectra.Scans;
        var bins = spectra.Wavenumbers.Length;
        var perScan = new BinaryTableHdu(
            new FitsColumn("SCANID", scans.Select(s => (long)s.ScanId).ToArray()),
            new FitsColumn("CUCTIME", scans.Select(s => s.Time.TotalSeconds).ToArray()) { Unit = "s" },
            new FitsColumn("UTC", scans.Select(s => InterferogramTable.Utc(s.Time)).ToArray(), 26),
            new FitsColumn("DETTEMP", scans.Select(s => (float)s.DetectorTemperatureK).ToArray()) { Unit = "K" },
            new FitsColumn("QUALITY", spectra.Quality.Select(q => (short)q).ToArray()),
            new FitsColumn("RADIANCE", spectra.Radiance, bins) { Unit = RadianceUnit },
            new FitsColumn("BRIGHTT", spectra.BrightnessTemperature, bins) { Unit = "K" })
        {
            Name = SpectraName,
        };
        Describe(perScan.Header, spectra);
        perScan.Header.AddComment("RADIANCE and BRIGHTT row i: wavenumber WAVEMIN + i * WAVESTEP cm-1 (the MEAN table's WAVENUMBER).");
        perScan.Header.AddComment("CUCTIME: seconds since 2000-01-01T00:00:00 UTC, leap seconds not counted (packet CUC).");
        foreach (var comment in ScanQualityNotes.HeaderComments())
        {
            perScan.Header.AddComment(comment);
        }

        var mean = new BinaryTableHdu(
            new FitsColumn("WAVENUMBER", spectra.Wavenumbers) { Unit = "cm-1" },
            new FitsColumn("RADIANCE", spectra.MeanRadiance) { Unit = RadianceUnit },
            new FitsColumn("RADERR", spectra.MeanRadianceError) { Unit = RadianceUnit },
            new FitsColumn("BRIGHTT", spectra.MeanBrightnessTemperature) { Unit = "K" })
        {
            Name = MeanName,
        };
        Describe(mean.Header, spectra);
        mean.Header.Add("NMEAN", spectra.Calibrated, "scans averaged (QUALITY bit 32 clear)");
        mean.Header.AddComment("RADERR: standard error of the mean (NaN when fewer than two scans were averaged).");

        var primary = new ImageHdu();
        describe(primary.Header);
        return new FitsFile(primary, perScan, mean);
    }

    private static void Describe(FitsHeader header, CalibratedSpectra spectra)
    {
        header.Add("WAVEMIN", spectra.Wavenumbers[0], "[cm-1] first grid wavenumber");
        header.Add("WAVESTEP", spectra.WavenumberStep, "[cm-1] grid step (FFT bin)");
        header.Add("NWAVE", spectra.Wavenumbers.Length, "grid wavenumbers");
        header.Add("APODIZ", Spectral.Apodization.NameOf(spectra.Apodization), "apodization function");
        header.Add("RESOLUTN", Math.Round(spectra.Resolution, 4), "[cm-1] FWHM of the apodized line shape");
    }
}
