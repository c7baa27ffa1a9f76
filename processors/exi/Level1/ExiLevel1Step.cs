using System.Globalization;
using Sdc.Ccsds;
using Sdc.Instruments;
using Sdc.Mission;
using Sdc.Processors.Exi.Level0;
using Sdc.Products;

namespace Sdc.Processors.Exi.Level1;

/// <summary>
/// The l0 → l1 step: every EXI Level 0 input becomes one L1 product per image; spacecraft
/// housekeeping (sc L0) inputs, when given, add the sample nearest each exposure to its header.
/// A damaged packet stream is bad input (exit 2, naming file and offset); a sequence gap is a
/// warning, and the images it leaves incomplete are flagged.
/// </summary>
public sealed class ExiLevel1Step(ProcessingContext context, ExiSettings settings)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (context.Job.Produces.Count != 1 || context.Job.Produces[0] != "l1")
        {
            throw new BadInputException(ExiMessages.UnsupportedStep,
                $"job: from l0 this processor produces [l1], the job asks for [{string.Join(", ", context.Job.Produces)}]");
        }
        var science = new List<(JobFile File, MissionFileName Name)>();
        var housekeepingFiles = new List<JobFile>();
        foreach (var input in context.Job.Inputs)
        {
            var name = ProductNames.Parse(input);
            switch (name)
            {
                case { Kind: FileNameKind.Product, Level: "l0", Instrument: "exi" }:
                    science.Add((input, name));
                    break;
                case { Kind: FileNameKind.Product, Level: "l0", Instrument: "sc" }:
                    housekeepingFiles.Add(input);
                    break;
                default:
                    throw new BadInputException(ExiMessages.BadInput,
                        $"{input.Name}: the l0 step reads EXI and spacecraft (sc) Level 0 files, not {name.Instrument} {name.Level ?? name.Kind.ToString()}", input.Name);
            }
        }
        if (science.Count == 0)
        {
            throw new BadInputException(ExiMessages.BadInput, "job: no EXI Level 0 file among the inputs");
        }

        var housekeeping = await ReadHousekeepingAsync(housekeepingFiles, cancellationToken);
        foreach (var (file, name) in science)
        {
            var decoded = await DecodeAsync(file, cancellationToken);
            Report(file, decoded);
            foreach (var image in decoded.Images)
            {
                await WriteAsync(image, file, name.Orbit ?? 0, housekeepingFiles.Count > 0 ? housekeeping : null, cancellationToken);
            }
        }
    }

    private async Task<HousekeepingSeries> ReadHousekeepingAsync(List<JobFile> files, CancellationToken cancellationToken)
    {
        var all = new List<HousekeepingSeries>();
        foreach (var file in files)
        {
            var series = await ReadAsync(file, (stream, ct) => HousekeepingSeries.DecodeAsync(stream, file.Name, ct), cancellationToken);
            ReportGaps(file, series.Gaps);
            context.Log.Info(ExiMessages.HousekeepingRead, series.Samples.Count == 0
                ? $"{file.Name}: no housekeeping sample"
                : $"{file.Name}: {series.Samples.Count} samples, {ExiLevel1Fits.FitsTime(series.Samples[0].Time)} to {ExiLevel1Fits.FitsTime(series.Samples[^1].Time)}", file.Name);
            all.Add(series);
        }
        return HousekeepingSeries.Combine(all);
    }

    private Task<ExiDecodedFile> DecodeAsync(JobFile file, CancellationToken cancellationToken) =>
        ReadAsync(file, ExiLevel0Decoder.DecodeAsync, cancellationToken);

    // Both kinds of damage end the job: a packet stream that breaks cannot be trusted past the break,
    // and a complete re-delivery (same product names) is the fix; see README "Damaged input".
    private async Task<T> ReadAsync<T>(JobFile file, Func<Stream, CancellationToken, Task<T>> decode, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(context.InputPath(file), FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        try
        {
            return await decode(stream, cancellationToken);
        }
        catch (CcsdsFormatException e)
        {
            throw new BadInputException(ExiMessages.BadPacketStream, $"{file.Name}: {e.Message}", file.Name, e.Offset);
        }
        catch (ExiTileFormatException e)
        {
            throw new BadInputException(ExiMessages.BadPayload, $"{file.Name}: {e.Message}", file.Name, e.Offset);
        }
    }

    private void Report(JobFile file, ExiDecodedFile decoded)
    {
        ReportGaps(file, decoded.Gaps);
        if (decoded.IgnoredPackets > 0)
        {
            context.Log.Warning(ExiMessages.PacketsIgnored,
                $"{file.Name}: {decoded.IgnoredPackets} packet(s) ignored ({string.Join(", ", decoded.IgnoredReasons)}), the first at byte offset {decoded.FirstIgnoredOffset}",
                file.Name, decoded.FirstIgnoredOffset);
        }
        var incomplete = decoded.Images.Count(i => !i.IsComplete);
        context.Log.Info(ExiMessages.Level0Decoded, string.Create(CultureInfo.InvariantCulture,
            $"{file.Name}: {decoded.Packets} packets, {decoded.Images.Count} images ({incomplete} incomplete), {decoded.Gaps.Count} sequence gap(s)"), file.Name);
        if (decoded.Images.Count == 0)
        {
            context.Log.Warning(ExiMessages.NoImages, $"{file.Name}: no EXI image tile in {decoded.Packets} packets", file.Name);
        }
    }

    private void ReportGaps(JobFile file, IReadOnlyList<SequenceGap> gaps)
    {
        foreach (var gap in gaps)
        {
            context.Log.Warning(ExiMessages.SequenceGap, string.Create(CultureInfo.InvariantCulture,
                $"{file.Name}: APID 0x{gap.Apid:X3} sequence count {gap.ActualCount} where {gap.ExpectedCount} was due: {gap.Missing} packet(s) missing before byte offset {gap.Offset}"),
                file.Name, gap.Offset);
        }
    }

    private async Task WriteAsync(ExiRawImage image, JobFile file, int orbit, HousekeepingSeries? housekeeping, CancellationToken cancellationToken)
    {
        var saturated = image.FlagSaturated(settings.SaturationDn);
        var start = image.Start.ToDateTime();
        var end = start.AddMilliseconds(image.ExposureMs);
        HousekeepingSample? sample = null;
        if (housekeeping is not null)
        {
            sample = housekeeping.Nearest(start.AddMilliseconds(image.ExposureMs / 2.0), settings.HousekeepingMaxDistance);
            if (sample is null)
            {
                context.Log.Warning(ExiMessages.NoHousekeeping,
                    $"{file.Name}: {image}: no housekeeping sample within {settings.HousekeepingMaxDistance.TotalSeconds} s of mid-exposure", file.Name, image.FirstOffset);
            }
        }
        var notes = new List<string>();
        if (!image.IsComplete)
        {
            var note = string.Create(CultureInfo.InvariantCulture,
                $"{image.MissingPixels} of {image.Pixels.Length} pixels missing ({image.Tiles} tiles received): flagged MISSING in QUALITY");
            notes.Add(note);
            context.Log.Warning(ExiMessages.ImageIncomplete, $"{file.Name}: {image}: {note}", file.Name, image.FirstOffset);
        }
        var fits = ExiLevel1Fits.Create(image, context, orbit, file.Name, saturated, sample);
        var name = ProductNames.For(context, "l1", start, orbit, image.Filter.Descriptor(), "fits");
        List<string> inputs = sample is { } used ? [file.Name, used.Source] : [file.Name];
        await context.Products.WriteAsync(
            new ProductDescription(name, "l1", image.Filter.Descriptor(), start, end, orbit, image.IsComplete ? 0 : ExiProductQuality.MissingTiles, notes, inputs),
            stream => fits.WriteToAsync(stream, cancellationToken: cancellationToken),
            cancellationToken);
    }
}
