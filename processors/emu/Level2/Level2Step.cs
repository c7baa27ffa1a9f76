using System.Globalization;
using Sdc.Formats.Fits;
using Sdc.Processing;
using Sdc.Products;
using Sdc.Processors.Emu.Level1;

namespace Sdc.Processors.Emu.Level2;

/// <summary>
/// l1 → l2 + ql: for each input event list, the flat-fielded spectral image with its wavelength
/// scale, spectrum and measured lines (L2 FITS, descriptor <c>img</c>) and its PNG quicklook (ql,
/// descriptor <c>img</c>), named by the L1 file's start and orbit, inheriting its quality bits.
/// </summary>
internal static class Level2Step
{
    public static async Task RunAsync(ProcessingContext context, EmuSettings settings, bool level2, bool quicklook, CancellationToken cancellationToken)
    {
        var (flat, wave) = Calibrations.Load(context);
        if (!wave.IsLinear)
        {
            context.Log.Warning(EmuMessages.NonlinearWavelengths, "the wave calibration is not linear: the L2 image has no spectral WCS");
        }
        foreach (var input in context.Job.Inputs)
        {
            var (start, orbit) = EmuInputs.Require(input, "l1", "fits");
            var events = Read(input, context.InputPath(input));
            if (events.Quality != 0)
            {
                context.Log.Warning(EmuMessages.FlaggedInput,
                    $"{input.Name}: QUALITY {events.Quality} ({string.Join("; ", EmuQuality.Notes(events.Quality))}); the products inherit it", input.Name);
            }
            if (!events.Frames.Any(f => f.IsComplete && f.DurationMicroseconds > 0))
            {
                throw new BadInputException(EmuMessages.BadLevel1,
                    $"{input.Name}: none of its {events.Frames.Count} frames is complete and of non-zero duration, so there is nothing to calibrate", input.Name);
            }
            SpectralImage image;
            try
            {
                image = SpectralImage.Make(events, flat, settings.SpatialBinning, settings.FlatMinimum);
            }
            catch (FormatException e)
            {
                throw new BadInputException(EmuMessages.BadLevel1, $"{input.Name}: {e.Message}", input.Name);
            }
            var quality = events.Quality;
            if (image.DeadEvents > 0)
            {
                quality |= EmuQuality.DeadPixelEvents;
                context.Log.Warning(EmuMessages.DeadPixelEvents, $"{input.Name}: {image.DeadEvents} event(s) on pixels with flat below {settings.FlatMinimum} dropped", input.Name);
            }
            var lines = LineFitter.Fit(wave.Wavelengths, image.Flux, wave.Lines, wave.FwhmNm ?? Instruments.EmusTruth.LineFwhmNm);
            foreach (var line in lines.Where(l => !l.IsMeasured))
            {
                context.Log.Warning(EmuMessages.LineNotMeasured, $"{input.Name}: {line.Name} ({line.ReferenceNm} nm) could not be measured", input.Name);
            }
            context.Log.Info(EmuMessages.Calibrated, string.Create(CultureInfo.InvariantCulture,
                $"{input.Name}: {image.EventsUsed} events of {image.FramesUsed} frames, exposure {image.ExposureSeconds} s, {lines.Count(l => l.IsMeasured)} of {lines.Count} lines measured"), input.Name);

            var time = EventListFile.TimeRange(events.Frames);
            var notes = EmuQuality.Notes(quality);
            if (level2)
            {
                var file = Level2File.Create(image, wave, lines, time, orbit, quality, settings.FlatMinimum);
                FitsProvenance.Stamp(file.Primary.Header, context, "l2");
                var product = new ProductDescription(ProductNames.For(context, "l2", start, orbit, "img", "fits"), "l2", "img",
                    new DateTimeOffset(time.Start), new DateTimeOffset(time.End), orbit, quality, notes, [input.Name]);
                await context.Products.WriteAsync(product, stream => file.WriteToAsync(stream, cancellationToken: cancellationToken), cancellationToken);
            }
            if (quicklook)
            {
                var png = Quicklook.Create(image, settings.LowPercentile, settings.HighPercentile, Text(context, input, time));
                var product = new ProductDescription(ProductNames.For(context, "ql", start, orbit, "img", "png"), "ql", "img",
                    new DateTimeOffset(time.Start), new DateTimeOffset(time.End), orbit, quality, notes, [input.Name]);
                await context.Products.WriteAsync(product, stream => png.WriteToAsync(stream, cancellationToken), cancellationToken);
            }
        }
    }

    private static EmusLevel1 Read(JobFile input, string path)
    {
        try
        {
            return EventListFile.Read(FitsFile.Load(path));
        }
        catch (FitsFormatException e)
        {
            throw new BadInputException(EmuMessages.BadLevel1, $"{input.Name}: {e.Message}", input.Name, e.Offset);
        }
        catch (Exception e) when (e is FitsChecksumException or FormatException)
        {
            throw new BadInputException(EmuMessages.BadLevel1, $"{input.Name}: {e.Message}", input.Name);
        }
    }

    private static List<KeyValuePair<string, string>> Text(ProcessingContext context, JobFile input, (DateTime Start, DateTime End) time) =>
    [
        new("Title", $"EMUS spectral image, {EventListFile.Iso(time.Start)}Z to {EventListFile.Iso(time.End)}Z"),
        new("Description", "sqrt(flat-fielded count/s), percentile stretch; x: wavelength (increasing right), y: detector row (0 at bottom)"),
        new("Software", $"{context.Job.Processor.Name} {context.Job.Processor.Version}"),
        new("Source", input.Name),
        new("Creation Time", context.Job.CreationTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
    ];
}
