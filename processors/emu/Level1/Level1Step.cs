using Sdc.Ccsds;
using Sdc.Processing;
using Sdc.Products;
using Sdc.Processors.Emu.Level0;

namespace Sdc.Processors.Emu.Level1;

/// <summary>
/// l0 → l1: decodes each input L0 file into an event list and writes it as one L1 FITS product
/// (descriptor <c>evt</c>), named by the L0 file's start and orbit. Gaps, incomplete frames, late
/// events and foreign packets are warnings and quality bits; a framing or payload error rejects
/// the job (exit 2) with the file and byte offset.
/// </summary>
internal static class Level1Step
{
    public static async Task RunAsync(ProcessingContext context, CancellationToken cancellationToken)
    {
        foreach (var input in context.Job.Inputs)
        {
            var (start, orbit) = EmuInputs.Require(input, "l0", "dat");
            var data = Decode(input, context.InputPath(input));
            Report(context.Log, input.Name, data);
            var file = EventListFile.Create(data, orbit);
            FitsProvenance.Stamp(file.Primary.Header, context, "l1");
            var (first, last) = EventListFile.TimeRange(data.Frames);
            var product = new ProductDescription(
                ProductNames.For(context, "l1", start, orbit, "evt", "fits"), "l1", "evt",
                new DateTimeOffset(first), new DateTimeOffset(last), orbit, data.Quality, EmuQuality.Notes(data.Quality), [input.Name]);
            await context.Products.WriteAsync(product, stream => file.WriteToAsync(stream, cancellationToken: cancellationToken), cancellationToken);
        }
    }

    private static EmusLevel0 Decode(JobFile input, string path)
    {
        EmusLevel0 data;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            data = EmusLevel0Decoder.Decode(stream);
        }
        catch (CcsdsFormatException e)
        {
            throw new BadInputException(EmuMessages.BadPackets, $"{input.Name}: {e.Message}", input.Name, e.Offset);
        }
        catch (EmusPayloadException e)
        {
            throw new BadInputException(EmuMessages.BadPayload, $"{input.Name}: {e.Message}", input.Name, e.Offset);
        }
        return data.Packets == 0 || data.Frames.Count == 0
            ? throw new BadInputException(EmuMessages.NoEvents,
                $"{input.Name}: no EMUS photon-event packet (APID 0x130) among its {data.ForeignPackets} packets", input.Name)
            : data;
    }

    private static void Report(MessageLog log, string name, EmusLevel0 data)
    {
        foreach (var gap in data.Gaps)
        {
            log.Warning(EmuMessages.PacketsMissing,
                $"{name}: {gap.Missing} EMUS packet(s) missing: sequence count {gap.ExpectedCount} expected, {gap.ActualCount} found", name, gap.Offset);
        }
        foreach (var frame in data.Frames.Where(f => !f.IsComplete))
        {
            log.Warning(EmuMessages.IncompleteFrame,
                $"{name}: frame {frame.Id} ({frame.Start}) has {frame.PacketsReceived} of its {frame.PacketsExpected} packets; kept in L1, left out of L2", name, frame.FirstOffset);
        }
        if (data.ForeignPackets > 0)
        {
            log.Warning(EmuMessages.ForeignPackets, $"{name}: {data.ForeignPackets} packet(s) of other APIDs skipped", name, data.ForeignFirstOffset);
        }
        foreach (var frame in data.Frames.Where(f => f.EventsOutside > 0))
        {
            log.Warning(EmuMessages.EventsOutsideFrame,
                $"{name}: frame {frame.Id} has {frame.EventsOutside} event(s) timed at or after its end ({frame.DurationSeconds} s); kept", name, frame.FirstOffset);
        }
        var (start, end) = EventListFile.TimeRange(data.Frames);
        log.Info(EmuMessages.Decoded,
            $"{name}: {data.Packets} packets, {data.Frames.Count} frames, {data.Events.Count} events, {EventListFile.Iso(start)}Z to {EventListFile.Iso(end)}Z", name);
    }
}
