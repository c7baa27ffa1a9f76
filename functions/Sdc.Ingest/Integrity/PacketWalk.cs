using Sdc.Ccsds;

namespace Sdc.Ingest.Integrity;

/// <summary>
/// Walks a Level 0 file packet by packet: every primary header must be well-formed and every
/// declared length must fit in the file. Collects the time range of the packets (their CUC
/// secondary-header times) and the sequence-count gaps, which are remarks, not failures: a gap
/// is data the spacecraft never sent, and refusing the rest would lose what it did send.
/// </summary>
internal static class PacketWalk
{
    public static async Task<(CheckFailure? Failure, DateTimeOffset? Start, DateTimeOffset? End, IReadOnlyList<string> Remarks)> RunAsync(
        Stream content, string fileName, CancellationToken cancellationToken)
    {
        using var reader = new SpacePacketReader(content, leaveOpen: true);
        CucTime? first = null;
        CucTime? last = null;
        long packets = 0;
        try
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) is { } packet)
            {
                packets++;
                if (packet.HasTime)
                {
                    var time = packet.Time;
                    first = first is { } f && f.CompareTo(time) <= 0 ? f : time;
                    last = last is { } l && l.CompareTo(time) >= 0 ? l : time;
                }
            }
        }
        catch (CcsdsFormatException e)
        {
            return (new CheckFailure(IntegrityCheck.Packets, IngestCodes.BadPackets,
                "CCSDS space packets whose declared lengths fill the file exactly",
                $"at byte {e.Offset}: {e.Problem}",
                $"{fileName}: the CCSDS packets break at byte {e.Offset}: {e.Problem}"), null, null, []);
        }

        if (packets == 0)
        {
            return (new CheckFailure(IntegrityCheck.Packets, IngestCodes.BadPackets, "at least one CCSDS space packet", "no packets",
                $"{fileName}: holds no CCSDS packets"), null, null, []);
        }

        var remarks = reader.Sequence.Gaps
            .Select(g => $"{fileName}: APID 0x{g.Apid:x3} sequence count jumps from {g.ExpectedCount} to {g.ActualCount} at byte {g.Offset} ({g.Missing} packets missing)")
            .ToList();
        return (null, Utc(first), Utc(last), remarks);
    }

    // Truncated to whole microseconds, the catalog's resolution (a CUC fine unit is ~15.3 µs).
    private static DateTimeOffset? Utc(CucTime? time)
    {
        if (time is not { } t)
        {
            return null;
        }
        var ticks = t.ToDateTime().Ticks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
    }
}
