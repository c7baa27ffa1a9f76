using System.Runtime.CompilerServices;

namespace Sdc.Ccsds;

/// <summary>
/// Follows every APID's packet sequence count and records each gap instead of failing: a
/// missing packet is something a processor warns about (and fills), not a reason to reject a
/// file. Idle packets are counted but not followed. Costs no allocation per packet.
/// </summary>
public sealed class SequenceTracker
{
    private const int Unseen = -1;
    private readonly int[] _last = new int[SpacePacketHeader.MaxApid + 1];
    private readonly int[] _first = new int[SpacePacketHeader.MaxApid + 1];
    private readonly long[] _packets = new long[SpacePacketHeader.MaxApid + 1];
    private readonly int[] _gaps = new int[SpacePacketHeader.MaxApid + 1];
    private readonly long[] _missing = new long[SpacePacketHeader.MaxApid + 1];
    private readonly List<SequenceGap> _gapList = [];

    public SequenceTracker()
    {
        Array.Fill(_last, Unseen);
        Array.Fill(_first, Unseen);
    }

    /// <summary>Every gap seen so far, in stream order.</summary>
    public IReadOnlyList<SequenceGap> Gaps => _gapList;

    /// <summary>Packets seen, idle packets included.</summary>
    public long Packets { get; private set; }

    public long IdlePackets { get; private set; }

    /// <summary>Sum of <see cref="SequenceGap.Missing"/> over all gaps.</summary>
    public long MissingPackets { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Observe(in SpacePacketHeader header, long offset)
    {
        Packets++;
        var apid = header.Apid;
        if (apid == SpacePacketHeader.IdleApid)
        {
            IdlePackets++;
            return;
        }
        _packets[apid]++;
        var last = _last[apid];
        var count = header.SequenceCount;
        _last[apid] = count;
        if (last == Unseen)
        {
            _first[apid] = count;
            return;
        }
        var expected = (last + 1) & (SpacePacketHeader.SequenceCountModulus - 1);
        if (count != expected)
        {
            RecordGap(new SequenceGap(apid, offset, expected, count));
        }
    }

    /// <summary>One line per APID seen (idle packets excepted), ascending by APID.</summary>
    public IReadOnlyList<ApidSequenceSummary> Summarize()
    {
        var summaries = new List<ApidSequenceSummary>();
        for (var apid = 0; apid < SpacePacketHeader.IdleApid; apid++)
        {
            if (_packets[apid] > 0)
            {
                summaries.Add(new ApidSequenceSummary(apid, _packets[apid], _gaps[apid], _missing[apid], _first[apid], _last[apid]));
            }
        }
        return summaries;
    }

    private void RecordGap(SequenceGap gap)
    {
        _gapList.Add(gap);
        _gaps[gap.Apid]++;
        _missing[gap.Apid] += gap.Missing;
        MissingPackets += gap.Missing;
    }
}
