using System.Globalization;
using Sdc.Instruments;
using Sdc.Processors.Emr.Level0;
using Sdc.Processors.Emr.Products;
using Sdc.Processors.Emr.Spectral;

namespace Sdc.Processors.Emr.Calibration;

/// <summary>
/// Interferograms to calibrated spectra: each complete Mars scan apodized around its ZPD,
/// transformed, |X_k| divided by the responsivity of bin k (radiance), and inverted through
/// Planck's law (brightness temperature), on the FFT bins inside the wavenumber limits. The mean
/// spectrum averages the calibrated scans' radiances.
/// </summary>
public static class RadiometricCalibration
{
    public static CalibratedSpectra Calibrate(IReadOnlyList<EmirsScan> scans, Responsivity responsivity, LineShape lineShape, EmrSettings settings)
    {
        ArgumentNullException.ThrowIfNull(scans);
        ArgumentNullException.ThrowIfNull(responsivity);
        ArgumentNullException.ThrowIfNull(lineShape);
        ArgumentNullException.ThrowIfNull(settings);
        var length = scans[0].Samples.Length;
        if (length != responsivity.ScanLength)
        {
            throw new BadInputException(EmrMessages.BadCalibration,
                $"{responsivity.Name}: responsivity for {responsivity.Bins} bins (scans of {responsivity.ScanLength} samples), but the scans have {length} samples", responsivity.Name);
        }

        var (first, count, step) = Grid(responsivity, settings);
        var transform = new SpectrumTransform(length, settings.Apodization);
        var magnitude = new double[transform.Bins];
        var wavenumbers = new double[count];
        var gain = new double[count];
        for (var j = 0; j < count; j++)
        {
            wavenumbers[j] = responsivity.Wavenumbers[first + j];
            gain[j] = 1 / responsivity.Values[first + j];
        }

        var radiance = new float[scans.Count * count];
        var temperature = new float[scans.Count * count];
        var quality = new ScanQuality[scans.Count];
        // Welford's running mean and sum of squared deviations: no cancellation for a variance 10⁻⁸ of the mean².
        var mean = new double[count];
        var deviations = new double[count];
        var calibrated = 0;
        for (var i = 0; i < scans.Count; i++)
        {
            var scan = scans[i];
            var rowRadiance = radiance.AsSpan(i * count, count);
            var rowTemperature = temperature.AsSpan(i * count, count);
            quality[i] = scan.Quality;
            if (!scan.IsComplete || scan.Scene != EmirsScene.Mars)
            {
                quality[i] |= ScanQuality.NotCalibrated;
                rowRadiance.Fill(float.NaN);
                rowTemperature.Fill(float.NaN);
                continue;
            }

            transform.Magnitude(scan.Samples, scan.ZpdIndex, magnitude);
            calibrated++;
            for (var j = 0; j < count; j++)
            {
                var value = magnitude[first + j] * gain[j];
                rowRadiance[j] = (float)value;
                rowTemperature[j] = (float)Planck.BrightnessTemperature(wavenumbers[j], value);
                var delta = value - mean[j];
                mean[j] += delta / calibrated;
                deviations[j] += delta * (value - mean[j]);
            }
        }

        var error = new double[count];
        var meanTemperature = new double[count];
        for (var j = 0; j < count; j++)
        {
            mean[j] = calibrated > 0 ? mean[j] : double.NaN;
            error[j] = calibrated > 1 ? Math.Sqrt(deviations[j] / (calibrated - 1) / calibrated) : double.NaN;
            meanTemperature[j] = Planck.BrightnessTemperature(wavenumbers[j], mean[j]);
        }

        var centre = wavenumbers[count / 2];
        var resolution = lineShape.FullWidthAt(centre) * Apodization.LineWidth(settings.Apodization) / Apodization.LineWidth(ApodizationFunction.None);
        return new CalibratedSpectra(scans, quality, wavenumbers, step, radiance, temperature, mean, error, meanTemperature, calibrated, settings.Apodization, resolution);
    }

    // The bins inside the wavenumber limits (emr.yaml, else the rad file's SIGMAMIN/SIGMAMAX, else
    // every bin but 0), which must be evenly spaced and have a positive responsivity.
    private static (int First, int Count, double Step) Grid(Responsivity responsivity, EmrSettings settings)
    {
        var min = double.IsNaN(settings.MinWavenumber) ? responsivity.GridMin ?? responsivity.Wavenumbers[1] : settings.MinWavenumber;
        var max = double.IsNaN(settings.MaxWavenumber) ? responsivity.GridMax ?? responsivity.Wavenumbers[^1] : settings.MaxWavenumber;
        var wavenumbers = responsivity.Wavenumbers;
        var step = wavenumbers[1] - wavenumbers[0];
        var first = -1;
        var count = 0;
        for (var k = 0; k < wavenumbers.Count; k++)
        {
            if (Math.Abs(wavenumbers[k] - (wavenumbers[0] + (k * step))) > 1e-6 * step)
            {
                throw new BadInputException(EmrMessages.BadCalibration,
                    string.Create(CultureInfo.InvariantCulture, $"{responsivity.Name}: WAVENUMBER of bin {k} is {wavenumbers[k]}; FFT bins are evenly spaced ({step} cm-1)"), responsivity.Name);
            }

            if (wavenumbers[k] < min - (1e-9 * step) || wavenumbers[k] > max + (1e-9 * step))
            {
                continue;
            }

            if (!(responsivity.Values[k] > 0))
            {
                throw new BadInputException(EmrMessages.BadCalibration,
                    string.Create(CultureInfo.InvariantCulture, $"{responsivity.Name}: responsivity of bin {k} ({wavenumbers[k]} cm-1) is {responsivity.Values[k]}, inside the grid {min}-{max} cm-1"), responsivity.Name);
            }

            first = first < 0 ? k : first;
            count++;
        }

        return count >= 2
            ? (first, count, step)
            : throw new BadInputException(EmrMessages.BadCalibration,
                string.Create(CultureInfo.InvariantCulture, $"{responsivity.Name}: fewer than two FFT bins between {min} and {max} cm-1"), responsivity.Name);
    }
}
