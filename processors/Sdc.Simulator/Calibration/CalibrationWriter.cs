using System.Globalization;
using Sdc.Formats.Fits;
using Sdc.Instruments;

namespace Sdc.Simulator.Calibration;

/// <summary>
/// Writes the calibration files mission.yaml lists for each instrument, as FITS, from the truth in
/// Sdc.Instruments, so a level-2 processor that applies them recovers what the simulator planted:
/// <list type="bullet">
/// <item>exi dark: one float32 IMAGE extension per filter (EXTNAME F220 …), dark current in DN/s per pixel, hot pixels included.</item>
/// <item>exi flat: one float32 IMAGE extension per filter, relative sensitivity per pixel.</item>
/// <item>exi gain: a BINTABLE GAIN with FILTER, GAIN (e⁻/DN), BIAS (DN), READNOISE (DN), DARK (DN/s, mean), EXPOSURE (ms).</item>
/// <item>emr rad: a BINTABLE RESPONSIVITY with BIN, WAVENUMBER (cm⁻¹) and RESPONSIVITY (counts per W m⁻² sr⁻¹ (cm⁻¹)⁻¹) for every FFT bin 0…N/2.</item>
/// <item>emr ils: a BINTABLE ILS with WAVENUMBER and FWHM (cm⁻¹) of the unapodised instrument line shape.</item>
/// <item>emu flat: the primary float32 image, 1024×1024, relative sensitivity (1 = nominal; see <see cref="EmusTruth.Flat"/>).</item>
/// <item>emu wave: a BINTABLE WAVELENGTH with COLUMN and WAVELENGTH (nm), and a BINTABLE LINES of reference lines.</item>
/// </list>
/// Every file's primary header carries TELESCOP, INSTRUME, CALTYPE and DATE-BEG (valid from); no
/// wall-clock time, so the bytes depend only on the options.
/// </summary>
internal static class CalibrationWriter
{
    public static void Write(Stream stream, string instrument, string descriptor, DateOnly validFrom, SimulationOptions options)
    {
        var file = (instrument, descriptor) switch
        {
            ("exi", "dark") => ExiImages(options.ExiImageSize, "DN/s", (f, x, y, _) => ExiTruth.DarkRate(f, x, y)),
            ("exi", "flat") => ExiImages(options.ExiImageSize, "", (f, x, y, s) => ExiTruth.Flat(f, x, y, s, s)),
            ("exi", "gain") => ExiGain(),
            ("emr", "rad") => EmirsResponsivity(),
            ("emr", "ils") => EmirsLineShape(),
            ("emu", "flat") => EmusFlat(),
            ("emu", "wave") => EmusWavelength(),
            _ => throw new ArgumentException($"No calibration file '{descriptor}' is simulated for {instrument}.", nameof(descriptor)),
        };
        var primary = file.Primary.Header;
        primary.Set("TELESCOP", "EMM", "Emirates Mars Mission");
        primary.Set("INSTRUME", instrument.ToUpperInvariant(), "mission.yaml instrument id");
        primary.Set("CALTYPE", descriptor, "calibration descriptor");
        primary.Set("DATE-BEG", validFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "valid from (UTC)");
        primary.Set("ORIGIN", "SDC simulator", "truth planted by Sdc.Instruments");
        file.WriteTo(stream);
    }

    private static FitsFile ExiImages(int size, string unit, Func<ExiFilter, int, int, int, double> valueAt)
    {
        var file = new FitsFile(new ImageHdu());
        foreach (var filter in ExiFilters.All)
        {
            var pixels = new float[size * size];
            for (var y = 0; y < size; y++)
            {
                for (var x = 0; x < size; x++)
                {
                    pixels[(y * size) + x] = (float)valueAt(filter, x, y, size);
                }
            }
            var image = new ImageHdu(pixels, size, size) { Name = filter.Descriptor().ToUpperInvariant() };
            image.Header.Set("FILTER", filter.Descriptor(), "EXI filter");
            if (unit.Length > 0)
            {
                image.Header.Set("BUNIT", unit);
            }
            file.Hdus.Add(image);
        }
        return file;
    }

    private static FitsFile ExiGain()
    {
        var filters = ExiTruth.Filters;
        var table = new BinaryTableHdu(
            new FitsColumn("FILTER", filters.Select(f => f.Filter.Descriptor()).ToArray(), 4),
            new FitsColumn("GAIN", filters.Select(f => f.GainElectronsPerDn).ToArray()) { Unit = "electron/DN" },
            new FitsColumn("BIAS", filters.Select(_ => ExiTruth.BiasDn).ToArray()) { Unit = "DN" },
            new FitsColumn("READNOISE", filters.Select(_ => ExiTruth.ReadNoiseDn).ToArray()) { Unit = "DN" },
            new FitsColumn("DARK", filters.Select(f => f.DarkCurrentDnPerSecond).ToArray()) { Unit = "DN/s" },
            new FitsColumn("EXPOSURE", filters.Select(f => (int)f.ExposureMs).ToArray()) { Unit = "ms" })
        { Name = "GAIN" };
        return new FitsFile(new ImageHdu(), table);
    }

    private static FitsFile EmirsResponsivity()
    {
        var bins = Enumerable.Range(0, (EmirsTruth.ScanLength / 2) + 1).ToArray();
        var table = new BinaryTableHdu(
            new FitsColumn("BIN", bins),
            new FitsColumn("WAVENUMBER", bins.Select(k => EmirsTruth.WavenumberOf(k)).ToArray()) { Unit = "cm-1" },
            new FitsColumn("RESPONSIVITY", bins.Select(k => EmirsTruth.Responsivity(EmirsTruth.WavenumberOf(k))).ToArray()) { Unit = "count / (W m-2 sr-1 cm)" })
        { Name = "RESPONSIVITY" };
        table.Header.Set("SCANLEN", EmirsTruth.ScanLength, "samples per interferogram");
        table.Header.Set("DSIGMA", EmirsTruth.WavenumberStep, "[cm-1] FFT bin spacing");
        table.Header.Set("SIGMAMIN", EmirsTruth.MinWavenumber, "[cm-1] science grid start");
        table.Header.Set("SIGMAMAX", EmirsTruth.MaxWavenumber, "[cm-1] science grid end");
        return new FitsFile(new ImageHdu(), table);
    }

    private static FitsFile EmirsLineShape()
    {
        var bins = Enumerable.Range(0, (EmirsTruth.ScanLength / 2) + 1).ToArray();
        var table = new BinaryTableHdu(
            new FitsColumn("WAVENUMBER", bins.Select(k => EmirsTruth.WavenumberOf(k)).ToArray()) { Unit = "cm-1" },
            new FitsColumn("FWHM", bins.Select(_ => 1.207 * EmirsTruth.WavenumberStep).ToArray()) { Unit = "cm-1" })
        { Name = "ILS" };
        table.Header.Set("APODIZ", "NONE", "sinc line shape of an unapodised scan");
        return new FitsFile(new ImageHdu(), table);
    }

    private static FitsFile EmusFlat()
    {
        var size = EmusTruth.DetectorSize;
        var pixels = new float[size * size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                pixels[(y * size) + x] = (float)EmusTruth.Flat(x, y);
            }
        }
        var primary = new ImageHdu(pixels, size, size);
        primary.Header.Set("CTYPE1", "SPECTRAL", "detector column (wavelength)");
        primary.Header.Set("CTYPE2", "SPATIAL", "detector row");
        return new FitsFile(primary);
    }

    private static FitsFile EmusWavelength()
    {
        var columns = Enumerable.Range(0, EmusTruth.DetectorSize).ToArray();
        var map = new BinaryTableHdu(
            new FitsColumn("COLUMN", columns),
            new FitsColumn("WAVELENGTH", columns.Select(x => EmusTruth.WavelengthAt(x)).ToArray()) { Unit = "nm" })
        { Name = "WAVELENGTH" };
        map.Header.Set("WAVEMIN", EmusTruth.MinWavelengthNm, "[nm] left edge of column 0");
        map.Header.Set("DISPERS", EmusTruth.NmPerPixel, "[nm/pixel] linear dispersion");
        map.Header.Set("RESOL", EmusTruth.LineFwhmNm, "[nm] line FWHM");
        var lines = new BinaryTableHdu(
            new FitsColumn("NAME", EmusTruth.Lines.Select(l => l.Name).ToArray()),
            new FitsColumn("WAVELENGTH", EmusTruth.Lines.Select(l => l.WavelengthNm).ToArray()) { Unit = "nm" })
        { Name = "LINES" };
        return new FitsFile(new ImageHdu(), map, lines);
    }
}
