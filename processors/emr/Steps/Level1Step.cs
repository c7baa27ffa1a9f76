using System.Globalization;
using Sdc.Formats.Fits;
using Sdc.Processors.Emr.Level0;
using Sdc.Processors.Emr.Products;
using Sdc.Products;

namespace Sdc.Processors.Emr.Steps;

/// <summary>
/// l0 → l1: each Level 0 input becomes one interferogram table (descriptor <c>ifg</c>). Damage is
/// reported and flagged, not fatal, as long as one scan can be decoded: gaps (EMR-W001),
/// incomplete scans (EMR-W002), a truncated file or a length running past its end (EMR-W003, with
/// the file and byte offset; the scans before it are kept), unusable segments (EMR-W004). A file
/// that yields no scan at all is bad input (EMR-E001, exit 2, with the offset where reading failed).
/// </summary>
public static class Level1Step
{
    /// <summary>Per-packet and per-scan warnings beyond this many are summed up in one more.</summary>
    private const int MaxListed = 20;

    public static async Task RunAsync(ProcessingContext context, EmrSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var input in context.Job.Inputs)
        {
            var orbit = InputNames.Orbit(input, "l0");
            EmirsLevel0 level0;
            // No FileStream buffer: the packet reader reads 1 MiB at a time into its own.
            await using (var stream = new FileStream(context.InputPath(input), FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan))
            {
                level0 = EmirsLevel0Decoder.Decode(stream, cancellationToken);
            }

            Report(context.Log, input.Name, level0);
            FlagDetectorTemperature(context.Log, input.Name, level0.Scans, settings);
            // A file cut short loses what followed the cut even when no scan was cut: the product says so.
            var fileQuality = level0.FramingError is null ? ScanQuality.None : ScanQuality.Truncated;
            await WriteAsync(context, input, orbit, level0.Scans, fileQuality, cancellationToken);
        }
    }

    private static void Report(MessageLog log, string file, EmirsLevel0 level0)
    {
        var scans = level0.Scans;
        if (scans.Count == 0)
        {
            throw level0.FramingError is { } broken
                ? new BadInputException(EmrMessages.NoScans, $"{file}: {broken.Message}; no EMIRS scan precedes it", file, broken.Offset)
                : new BadInputException(EmrMessages.NoScans, $"{file}: no EMIRS interferogram packets (APID 0x120) among its {level0.Packets} packets", file);
        }

        foreach (var gap in level0.Gaps)
        {
            log.Warning(EmrMessages.SequenceGap,
                $"{file}: {gap.Missing} packet(s) of APID 0x{gap.Apid:X3} missing (sequence count {gap.ExpectedCount} expected, {gap.ActualCount} found); the scans on either side are flagged",
                file, gap.Offset);
        }

        foreach (var problem in level0.Problems.Take(MaxListed))
        {
            log.Warning(EmrMessages.BadSegment, $"{file}: {problem.Problem}", file, problem.Offset);
        }

        if (level0.Problems.Count > MaxListed)
        {
            log.Warning(EmrMessages.BadSegment, $"{file}: {level0.Problems.Count - MaxListed} more unusable segments (not listed one by one)", file);
        }

        if (level0.ForeignPackets > 0)
        {
            log.Warning(EmrMessages.ForeignPackets,
                $"{file}: {level0.ForeignPackets} packet(s) of other APIDs ignored (the first at byte {level0.FirstForeignOffset})", file);
        }

        if (level0.FramingError is { } framing)
        {
            log.Warning(EmrMessages.Truncated,
                $"{file}: {framing.Message}; the {scans.Count} scan(s) before it are kept, the rest of the file is lost", file, framing.Offset);
        }

        var incomplete = scans.Where(s => !s.IsComplete).ToList();
        foreach (var scan in incomplete.Take(MaxListed))
        {
            log.Warning(EmrMessages.IncompleteScan,
                $"{file}: scan {scan.ScanId} ({InterferogramTable.Utc(scan.Time)}) incomplete: {scan.ValidSamples} of {scan.Samples.Length} samples, {scan.SegmentsReceived} of {scan.SegmentCount} segments; missing samples are null",
                file);
        }

        if (incomplete.Count > MaxListed)
        {
            log.Warning(EmrMessages.IncompleteScan, $"{file}: {incomplete.Count - MaxListed} more incomplete scans (not listed one by one)", file);
        }

        log.Info(EmrMessages.Decoded,
            $"{file}: {level0.Packets} packets, {scans.Count} scans ({scans.Count - incomplete.Count} complete), {level0.Gaps.Count} sequence gap(s), {level0.Problems.Count} unusable segment(s)",
            file);
    }

    private static void FlagDetectorTemperature(MessageLog log, string file, IReadOnlyList<EmirsScan> scans, EmrSettings settings)
    {
        var outside = scans.Where(s => s.DetectorTemperatureK < settings.MinDetectorTemperatureK || s.DetectorTemperatureK > settings.MaxDetectorTemperatureK).ToList();
        if (outside.Count == 0)
        {
            return;
        }

        foreach (var scan in outside)
        {
            scan.Quality |= ScanQuality.DetectorTemperature;
        }

        log.Warning(EmrMessages.DetectorTemperature, string.Create(CultureInfo.InvariantCulture,
            $"{file}: {outside.Count} scan(s) with the detector at {outside.Min(s => s.DetectorTemperatureK):0.00}-{outside.Max(s => s.DetectorTemperatureK):0.00} K, outside {settings.MinDetectorTemperatureK}-{settings.MaxDetectorTemperatureK} K (emr.yaml)"),
            file);
    }

    private static async Task WriteAsync(
        ProcessingContext context, Sdc.Processing.JobFile input, int orbit, IReadOnlyList<EmirsScan> scans, ScanQuality fileQuality, CancellationToken cancellationToken)
    {
        var start = scans.Min(s => s.Time).ToDateTime();
        var end = scans.Max(s => s.Time).ToDateTime();
        var quality = scans.Aggregate(fileQuality, (q, s) => q | s.Quality);
        var file = InterferogramTable.Build(scans, header =>
        {
            FitsProvenance.Stamp(header, context, "l1");
            ProductHeader.Describe(header, orbit, start, end, scans.Count, quality);
        });
        var description = new ProductDescription(
            ProductNames.For(context, "l1", start, orbit, "ifg", "fits"), "l1", "ifg", start, end, orbit,
            (int)quality, ScanQualityNotes.Describe(quality, [.. scans.Select(s => s.Quality)]), [input.Name]);
        await context.Products.WriteAsync(description, stream => file.WriteToAsync(stream, FitsWriteOptions.Default, cancellationToken), cancellationToken);
    }
}
