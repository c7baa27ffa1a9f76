using System.Globalization;
using Sdc.Formats.Fits;
using Sdc.Formats.Png;
using Sdc.Processors.Emr.Calibration;
using Sdc.Processors.Emr.Products;
using Sdc.Products;

namespace Sdc.Processors.Emr.Steps;

/// <summary>
/// l1 → l2 and ql: each Level 1 interferogram table becomes calibrated spectra (FITS, descriptor
/// <c>spe</c>) and a quicklook of their mean (PNG, descriptor <c>spe</c>), with the job's rad
/// (responsivity) and ils (line shape) calibration files. Scans without a spectrum are kept as NaN
/// rows with a warning (EMR-W007); a table with none to calibrate is bad input (EMR-E003).
/// </summary>
public static class Level2Step
{
    public static async Task RunAsync(ProcessingContext context, EmrSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var rad = CalibrationFile(context, "rad");
        var ils = CalibrationFile(context, "ils");
        var responsivity = Responsivity.Load(context.InputPath(rad), rad.Name);
        var lineShape = LineShape.Load(context.InputPath(ils), ils.Name);
        foreach (var input in context.Job.Inputs)
        {
            var orbit = InputNames.Orbit(input, "l1");
            var (scans, inputQuality) = InterferogramTable.Read(context.InputPath(input), input.Name);
            var spectra = RadiometricCalibration.Calibrate(scans, responsivity, lineShape, settings);
            if (spectra.Calibrated == 0)
            {
                throw new BadInputException(EmrMessages.BadLevel1, $"{input.Name}: none of its {scans.Count} scans is a complete Mars scan to calibrate", input.Name);
            }

            var skipped = scans.Count - spectra.Calibrated;
            if (skipped > 0)
            {
                context.Log.Warning(EmrMessages.NotCalibrated,
                    $"{input.Name}: {skipped} of {scans.Count} scans have no spectrum ({scans.Count(s => !s.IsComplete)} incomplete); their rows are NaN", input.Name);
            }

            context.Log.Info(EmrMessages.Calibrated, string.Create(CultureInfo.InvariantCulture,
                $"{input.Name}: {spectra.Calibrated} scans calibrated with {rad.Name}, apodization {Spectral.Apodization.NameOf(spectra.Apodization)}, {spectra.Wavenumbers.Length} wavenumbers {spectra.Wavenumbers[0]}-{spectra.Wavenumbers[^1]} cm-1, resolution {spectra.Resolution:0.###} cm-1"),
                input.Name);

            var start = scans.Min(s => s.Time).ToDateTime();
            var end = scans.Max(s => s.Time).ToDateTime();
            var quality = spectra.Quality.Aggregate(inputQuality, (q, s) => q | s);
            var notes = ScanQualityNotes.Describe(quality, spectra.Quality);
            if (context.Job.Produces.Contains("l2"))
            {
                var file = SpectrumTable.Build(spectra, header =>
                {
                    FitsProvenance.Stamp(header, context, "l2");
                    ProductHeader.Describe(header, orbit, start, end, scans.Count, quality);
                });
                var description = new ProductDescription(ProductNames.For(context, "l2", start, orbit, "spe", "fits"), "l2", "spe", start, end, orbit, (int)quality, notes, [input.Name]);
                await context.Products.WriteAsync(description, stream => file.WriteToAsync(stream, FitsWriteOptions.Default, cancellationToken), cancellationToken);
            }

            if (context.Job.Produces.Contains("ql"))
            {
                var image = Quicklook(context, settings, spectra, orbit, input.Name);
                var description = new ProductDescription(ProductNames.For(context, "ql", start, orbit, "spe", "png"), "ql", "spe", start, end, orbit, (int)quality, notes, [input.Name]);
                await context.Products.WriteAsync(description, stream => image.WriteToAsync(stream, cancellationToken), cancellationToken);
            }
        }
    }

    private static PngImage Quicklook(ProcessingContext context, EmrSettings settings, CalibratedSpectra spectra, int orbit, string source)
    {
        var plot = new LinePlot
        {
            Width = settings.QuicklookWidth,
            Height = settings.QuicklookHeight,
            Title = string.Create(CultureInfo.InvariantCulture,
                $"EMIRS orbit {orbit}: mean radiance of {spectra.Calibrated} scans [{SpectrumTable.RadianceUnit}] against wavenumber [cm-1]"),
        };
        var image = plot.Render(spectra.Wavenumbers, spectra.MeanRadiance);
        image.Text.Add(new("Software", $"{context.Job.Processor.Name} {context.Job.Processor.Version}"));
        image.Text.Add(new("Source", source));
        image.Text.Add(new("Creation Time", context.Job.CreationTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        return image;
    }

    // The job's one calibration file of this descriptor (its type, or else the descriptor in its name).
    private static Sdc.Processing.JobFile CalibrationFile(ProcessingContext context, string descriptor)
    {
        var matches = context.Job.Calibration.Where(c => DescriptorOf(c) == descriptor).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new BadInputException(EmrMessages.BadCalibration,
                $"the job lists no '{descriptor}' calibration file (calibration: {string.Join(", ", context.Job.Calibration.Select(c => c.Name).DefaultIfEmpty("none"))})"),
            _ => throw new BadInputException(EmrMessages.BadCalibration,
                $"the job lists {matches.Count} '{descriptor}' calibration files ({string.Join(", ", matches.Select(c => c.Name))}); the planner picks one"),
        };
    }

    private static string? DescriptorOf(Sdc.Processing.JobFile file)
    {
        if (file.Type is not null)
        {
            return file.Type;
        }

        try
        {
            var fields = ProductNames.Parse(file);
            return fields.Instrument == "emr" ? fields.Descriptor : null;
        }
        catch (BadInputException)
        {
            return null;
        }
    }
}
