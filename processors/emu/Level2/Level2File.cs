using Sdc.Formats.Fits;
using Sdc.Processors.Emu.Level1;

namespace Sdc.Processors.Emu.Level2;

/// <summary>
/// The EMUS Level 2 file (README.md documents it): the flat-fielded spectral image as the primary
/// HDU (float32, count/s, spectral × spatial with WCS), its 1σ ERROR image, the SPECTRUM table
/// (summed over the spatial axis, per column with its wavelength) and the LINES table (the wave
/// calibration's reference lines as measured). The caller stamps provenance on the primary header.
/// </summary>
internal static class Level2File
{
    public static FitsFile Create(SpectralImage image, WavelengthScale wave, IReadOnlyList<LineMeasurement> lines, (DateTime Start, DateTime End) time,
        int orbit, int quality, double flatMinimum)
    {
        var primary = new ImageHdu(image.Rate, SpectralImage.Columns, image.Rows);
        var header = primary.Header;
        header.Add("TELESCOP", "EMM", "Emirates Mars Mission");
        header.Add("DETNAM", "EMUS", "Emirates Mars Ultraviolet Spectrometer");
        header.Add("TIMESYS", "UTC", "times are UTC");
        header.Add("DATE-BEG", EventListFile.Iso(time.Start), "start of the first frame (UTC)");
        header.Add("DATE-END", EventListFile.Iso(time.End), "end of the last frame (UTC)");
        header.Add("ORBIT", orbit, "orbit number");
        header.Add("QUALITY", quality, "quality bits: 1 gap, 2 incomplete frame, 4 late, 8 dead");
        header.Add("EXPOSURE", image.ExposureSeconds, "[s] summed duration of the frames used");
        header.Add("NFRAMES", image.FramesUsed, "complete frames used");
        header.Add("NEVENTS", image.EventsUsed, "events used");
        header.Add("SPATBIN", image.Binning, "detector rows per image row");
        header.Add("FLATMIN", flatMinimum, "flat values below this are dead pixels");
        AddImageKeywords(header, image, wave);
        header.AddComment("Photon rate: sum of 1/flat(x,y) over events, divided by EXPOSURE.");

        var error = new ImageHdu(image.Error, SpectralImage.Columns, image.Rows) { Name = "ERROR" };
        AddImageKeywords(error.Header, image, wave);
        error.Header.AddComment("Poisson 1-sigma error of the primary image.");

        var columns = Enumerable.Range(0, SpectralImage.Columns).ToArray();
        var spectrum = new BinaryTableHdu(
            new FitsColumn("COLUMN", columns) { Unit = "pixel" },
            new FitsColumn("WAVELENGTH", wave.Wavelengths) { Unit = "nm" },
            new FitsColumn("FLUX", image.Flux.Select(v => (float)v).ToArray()) { Unit = "count/s" },
            new FitsColumn("ERROR", image.FluxError.Select(v => (float)v).ToArray()) { Unit = "count/s" },
            new FitsColumn("COUNTS", image.Counts) { Unit = "count" })
        { Name = "SPECTRUM" };
        spectrum.Header.Add("EXPOSURE", image.ExposureSeconds, "[s] summed duration of the frames used");
        spectrum.Header.AddComment("FLUX: the primary image summed over rows (NaN pixels left out).");

        var table = new BinaryTableHdu(
            new FitsColumn("NAME", lines.Select(l => l.Name).ToArray()),
            new FitsColumn("REFWAVE", lines.Select(l => l.ReferenceNm).ToArray()) { Unit = "nm" },
            new FitsColumn("WAVELENGTH", lines.Select(l => l.CentreNm).ToArray()) { Unit = "nm" },
            new FitsColumn("WAVEERR", lines.Select(l => l.CentreErrorNm).ToArray()) { Unit = "nm" },
            new FitsColumn("FWHM", lines.Select(l => l.FwhmNm).ToArray()) { Unit = "nm" },
            new FitsColumn("FLUX", lines.Select(l => l.Flux).ToArray()) { Unit = "count/s" },
            new FitsColumn("FLUXERR", lines.Select(l => l.FluxError).ToArray()) { Unit = "count/s" },
            new FitsColumn("RELFLUX", lines.Select(l => l.RelativeFlux).ToArray()))
        { Name = "LINES" };
        table.Header.AddComment("One Gaussian fit of all lines: shared FWHM, linear background.");
        table.Header.AddComment("NaN: the line could not be measured.");
        return new FitsFile(primary, error, spectrum, table);
    }

    private static void AddImageKeywords(FitsHeader header, SpectralImage image, WavelengthScale wave)
    {
        header.Add("BUNIT", "count/s", "flat-fielded photon rate per pixel");
        header.Add("WCSAXES", 2, "axis 1 spectral, axis 2 spatial");
        if (wave.IsLinear)
        {
            header.Add("CTYPE1", "WAVE", "wavelength");
            header.Add("CUNIT1", "nm");
            header.Add("CRPIX1", 1.0, "reference pixel: column 0");
            header.Add("CRVAL1", wave.Wavelengths[0], "[nm] wavelength at the centre of column 0");
            header.Add("CDELT1", wave.Dispersion, "[nm] per column");
        }
        header.Add("CTYPE2", "SPATIAL", "detector row");
        header.Add("CUNIT2", "pixel");
        header.Add("CRPIX2", 1.0, "reference pixel: image row 0");
        header.Add("CRVAL2", (image.Binning - 1) / 2.0, "detector row at the centre of image row 0");
        header.Add("CDELT2", (double)image.Binning, "detector rows per image row");
    }
}
