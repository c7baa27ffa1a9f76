using System.Buffers;

namespace Sdc.Ccsds;

/// <summary>
/// Joins segmented packets (first, continuation…, last) back into units, per APID. Segments out
/// of place are reported in <see cref="Problems"/> and the broken unit is dropped; an unsegmented
/// packet passes straight through. Each unit is a copy, so it outlives the reader's buffer.
/// </summary>
public sealed class SegmentAssembler
{
    private readonly Dictionary<int, Pending> _pending = [];
    private readonly List<SegmentationProblem> _problems = [];

    public IReadOnlyList<SegmentationProblem> Problems => _problems;

    /// <summary>Adds a packet; true with the unit when it completes one.</summary>
    public bool TryAdd(in SpacePacket packet, out AssembledUnit? unit)
    {
        unit = null;
        var apid = packet.Header.Apid;
        var data = packet.UserData.Span;
        switch (packet.Header.SequenceFlags)
        {
            case Segmentation.Unsegmented:
                Abandon(apid, packet.Offset, "an unsegmented packet arrived before the last segment");
                unit = new AssembledUnit(apid, TimeOf(packet), packet.Offset, 1, data.ToArray());
                return true;
            case Segmentation.First:
                Abandon(apid, packet.Offset, "a first segment arrived before the last segment of the previous unit");
                var pending = new Pending(TimeOf(packet), packet.Offset, packet.Header.SequenceCount);
                pending.Data.Write(data);
                _pending[apid] = pending;
                return false;
            default:
                if (!_pending.TryGetValue(apid, out var open))
                {
                    _problems.Add(new SegmentationProblem(apid, packet.Offset, $"a {packet.Header.SequenceFlags.ToString().ToLowerInvariant()} segment without a first segment"));
                    return false;
                }
                var expected = (open.LastCount + 1) & (SpacePacketHeader.SequenceCountModulus - 1);
                if (packet.Header.SequenceCount != expected)
                {
                    _pending.Remove(apid);
                    _problems.Add(new SegmentationProblem(apid, packet.Offset, $"segment count {packet.Header.SequenceCount} where {expected} was due: the unit started at offset {open.Offset} is incomplete"));
                    return false;
                }
                open.LastCount = packet.Header.SequenceCount;
                open.Packets++;
                open.Data.Write(data);
                if (packet.Header.SequenceFlags != Segmentation.Last)
                {
                    return false;
                }
                _pending.Remove(apid);
                unit = new AssembledUnit(apid, open.Time, open.Offset, open.Packets, open.Data.WrittenMemory.ToArray());
                return true;
        }
    }

    /// <summary>Reports every unit still waiting for its last segment (call at the end of the data).</summary>
    public void Complete()
    {
        foreach (var (apid, open) in _pending.OrderBy(p => p.Key))
        {
            _problems.Add(new SegmentationProblem(apid, open.Offset, "the data ended before the last segment of this unit"));
        }
        _pending.Clear();
    }

    private static CucTime TimeOf(in SpacePacket packet) => packet.HasTime ? packet.Time : default;

    private void Abandon(int apid, long offset, string problem)
    {
        if (_pending.Remove(apid, out var open))
        {
            _problems.Add(new SegmentationProblem(apid, offset, $"{problem} (unit started at offset {open.Offset} dropped)"));
        }
    }

    private sealed class Pending(CucTime time, long offset, int firstCount)
    {
        public CucTime Time { get; } = time;
        public long Offset { get; } = offset;
        public int LastCount { get; set; } = firstCount;
        public int Packets { get; set; } = 1;
        public ArrayBufferWriter<byte> Data { get; } = new();
    }
}
