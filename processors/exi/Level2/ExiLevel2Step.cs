using System.Globalization;
using Sdc.Formats.Fits;
using Sdc.Instruments;
using Sdc.Mission;
using Sdc.Processors.Exi.Level1;
using Sdc.Products;

namespace Sdc.Processors.Exi.Level2;

/// <summary>
/// The l1 → l2 + ql step: every EXI L1 science image is calibrated with the job's dark, flat and
/// gain files into an L2 FITS (electron/s) and a PNG quicklook. Dark and flat-lamp L1 frames are
/// noted and skipped. The job's <c>produces</c> may ask for l2, ql or both.
/// </summary>
public sealed class ExiLevel2Step(ProcessingContext context, ExiSettings settings)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var produces = context.Job.Produces;
        if (produces.Count == 0 || produces.Any(p => p is not ("l2" or "ql")) || produces.Distinct().Count() != produces.Count)
        {
            throw new BadInputException(ExiMessages.UnsupportedStep,
                $"job: from l1 this processor produces l2 and/or ql, the job asks for [{string.Join(", ", produces)}]");
        }
        var inputs = new List<(JobFile File, int Orbit)>();
        foreach (var input in context.Job.Inputs)
        {
            var name = ProductNames.Parse(input);
            if (name is not { Kind: FileNameKind.Product, Level: "l1", Instrument: "exi", Orbit: { } orbit })
            {
                throw new BadInputException(ExiMessages.BadInput, $"{input.Name}: the l1 step reads EXI Level 1 products, not {name.Instrument} {name.Level ?? name.Kind.ToString()}", input.Name);
            }
            inputs.Add((input, orbit));
        }
        var calibrations = ExiCalibrationSet.FromJob(context);
        foreach (var (file, orbit) in inputs)
        {
            var level1 = await ReadAsync(file, cancellationToken);
            if (level1.FrameType != ExiFrameType.Science)
            {
                context.Log.Info(ExiMessages.CalibrationFrameSkipped, $"{file.Name}: a {ExiLevel1Fits.FrameTypeName(level1.FrameType)} frame: no L2 product", file.Name);
                continue;
            }
            var calibration = await calibrations.ForAsync(level1.Filter, level1.Start, level1.Width, level1.Height, cancellationToken);
            var calibrated = ExiRadiometry.Calibrate(level1.Pixels, level1.Quality, level1.ExposureSeconds, calibration, settings);
            await WriteAsync(file, orbit, level1, calibration, calibrated, cancellationToken);
        }
    }

    private async Task<ExiLevel1Image> ReadAsync(JobFile file, CancellationToken cancellationToken)
    {
        FitsFile fits;
        try
        {
            fits = await FitsFile.LoadAsync(context.InputPath(file), cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is FitsFormatException or FitsChecksumException)
        {
            throw new BadInputException(ExiMessages.BadInput, $"{file.Name}: not a readable FITS file: {e.Message}", file.Name);
        }
        return ExiLevel1Image.From(fits, file.Name);
    }

    private async Task WriteAsync(JobFile file, int orbit, ExiLevel1Image level1, ExiFilterCalibration calibration, ExiCalibratedImage calibrated, CancellationToken cancellationToken)
    {
        var descriptor = level1.Filter.Descriptor();
        var notes = new List<string>();
        if (level1.ProductQuality != 0)
        {
            var note = string.Create(CultureInfo.InvariantCulture, $"{calibrated.Missing} pixels missing in the L1 input: NaN, flagged MISSING in QUALITY");
            notes.Add(note);
            context.Log.Warning(ExiMessages.ImageIncomplete, $"{file.Name}: {note}", file.Name);
        }
        context.Log.Info(ExiMessages.ImageCalibrated, string.Create(CultureInfo.InvariantCulture,
            $"{file.Name}: calibrated with {calibration.DarkFile}, {calibration.FlatFile}, {calibration.GainFile}; {calibrated.Hot} hot, {calibrated.Saturated} saturated, {calibrated.BadFlat} bad-flat pixels"),
            file.Name);
        var level2Name = ProductNames.For(context, "l2", level1.Start, orbit, descriptor, "fits");
        if (context.Job.Produces.Contains("l2"))
        {
            var fits = ExiLevel2Fits.Create(level1, file.Name, calibrated, calibration, context);
            await context.Products.WriteAsync(Describe(level2Name, "l2", level1, orbit, notes, file), stream => fits.WriteToAsync(stream, cancellationToken: cancellationToken), cancellationToken);
        }
        if (context.Job.Produces.Contains("ql"))
        {
            var png = ExiQuicklook.Create(level1, calibrated.Signal, level2Name, context, settings);
            var name = ProductNames.For(context, "ql", level1.Start, orbit, descriptor, "png");
            await context.Products.WriteAsync(Describe(name, "ql", level1, orbit, notes, file), stream => png.WriteToAsync(stream, cancellationToken), cancellationToken);
        }
    }

    private static ProductDescription Describe(string name, string level, ExiLevel1Image level1, int orbit, List<string> notes, JobFile input) =>
        new(name, level, level1.Filter.Descriptor(), level1.Start, level1.End, orbit, level1.ProductQuality, notes, [input.Name]);
}
