using Sdc.Ccsds;
using Sdc.Instruments;

namespace Sdc.Processors.Emu.Level0;

/// <summary>
/// Decodes an EMUS Level 0 file (CCSDS packets of APID 0x130, see Sdc.Instruments/README.md) into
/// photon events and frames. Framing errors throw <see cref="CcsdsFormatException"/> and payload
/// errors <see cref="EmusPayloadException"/>, both with the bad packet's byte offset; sequence gaps,
/// incomplete frames and packets of other APIDs are reported in the result, not thrown.
/// </summary>
public static class EmusLevel0Decoder
{
    // Where the payload header holds the packet's event count (after frame id, duration, index, count).
    private const int EventCountOffset = 12;

    // The most events a packet can hold: the largest data field less the time code and payload header.
    private const int MaxEventsPerPacket =
        (SpacePacketHeader.MaxDataFieldLength - CucTime.Length - EmusPhotonEventPacket.HeaderLength) / EmusPhotonEventPacket.EventLength;

    /// <summary>Reads <paramref name="l0"/> to its end (it is left open) and returns its events and frames.</summary>
    /// <exception cref="CcsdsFormatException">The packets are not framed correctly (truncated file, bad length, bad version).</exception>
    /// <exception cref="EmusPayloadException">An EMUS packet's user data are malformed or contradict its frame.</exception>
    public static EmusLevel0 Decode(Stream l0)
    {
        ArgumentNullException.ThrowIfNull(l0);
        using var reader = new SpacePacketReader(l0, leaveOpen: true);
        var scratch = new EmusPhotonEvent[MaxEventsPerPacket];
        var frames = new List<FrameBuilder>();
        var byId = new Dictionary<uint, FrameBuilder>();
        // A seekable file is walked twice: its packet headers first, to size the event columns exactly
        // (no growing, no final copy: a large file's columns are hundreds of megabytes), then decoded.
        var events = new EventBuffer(l0.CanSeek ? AnnouncedEvents(l0) : 1 << 16);
        long packets = 0, foreign = 0;
        long? foreignFirst = null;
        while (reader.TryRead(out var packet))
        {
            if (packet.Header.Apid != EmusPhotonEventPacket.Apid)
            {
                foreign++;
                foreignFirst ??= packet.Offset;
                continue;
            }
            packets++;
            if (!packet.HasTime)
            {
                throw new EmusPayloadException(packet.Offset, "no secondary header, so no frame start time");
            }
            EmusFrameHeader header;
            try
            {
                header = EmusPhotonEventPacket.Decode(packet.UserData.Span, scratch);
            }
            catch (PayloadFormatException e)
            {
                throw new EmusPayloadException(packet.Offset, e.Message, e);
            }
            if (!byId.TryGetValue(header.FrameId, out var frame))
            {
                frame = new FrameBuilder(header, packet.Time, packet.Offset);
                byId.Add(header.FrameId, frame);
                frames.Add(frame);
            }
            frame.Accept(header, packet.Time, packet.Offset);
            frame.EventsOutside += events.Append(scratch.AsSpan(0, header.EventCount), header.FrameId, header.FrameDurationMicroseconds);
            frame.Events += header.EventCount;
        }
        var gaps = reader.Sequence.Gaps.Where(g => g.Apid == EmusPhotonEventPacket.Apid).ToList();
        return new EmusLevel0(events.ToList(), [.. frames.Select(f => f.Build())], gaps, packets, foreign, foreignFirst);
    }

    // The events the EMUS packets announce, counted from their headers; the stream is put back where it was.
    // Anything malformed stops the count: the decoding pass reports it properly.
    private static int AnnouncedEvents(Stream l0)
    {
        var start = l0.Position;
        long count = 0;
        try
        {
            using var reader = new SpacePacketReader(l0, leaveOpen: true);
            while (reader.TryRead(out var packet))
            {
                var data = packet.UserData.Span;
                if (packet.Header.Apid == EmusPhotonEventPacket.Apid && packet.HasTime && data.Length >= EmusPhotonEventPacket.HeaderLength)
                {
                    count += System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(data[EventCountOffset..]);
                }
            }
        }
        catch (CcsdsFormatException)
        {
        }
        l0.Position = start;
        return (int)Math.Min(count, Array.MaxLength);
    }

    private sealed class FrameBuilder(EmusFrameHeader first, CucTime start, long offset)
    {
        private readonly bool[] _received = new bool[first.PacketCount];

        public int Events { get; set; }

        public int EventsOutside { get; set; }

        public void Accept(EmusFrameHeader header, CucTime time, long packetOffset)
        {
            if (time != start || header.FrameDurationMicroseconds != first.FrameDurationMicroseconds || header.PacketCount != first.PacketCount)
            {
                throw new EmusPayloadException(packetOffset,
                    $"frame {header.FrameId}: this packet says start {time}, {header.FrameDurationMicroseconds} µs, {header.PacketCount} packets; " +
                    $"its first packet (offset {offset}) said {start}, {first.FrameDurationMicroseconds} µs, {first.PacketCount} packets");
            }
            if (_received[header.PacketIndex])
            {
                throw new EmusPayloadException(packetOffset, $"frame {header.FrameId}: packet {header.PacketIndex} of {header.PacketCount} arrives twice");
            }
            _received[header.PacketIndex] = true;
        }

        public EmusFrame Build() =>
            new(first.FrameId, start, first.FrameDurationMicroseconds, first.PacketCount, _received.Count(r => r), Events, EventsOutside, offset);
    }

    /// <summary>Growing columns, so a large file costs no per-event allocation.</summary>
    private sealed class EventBuffer(int capacity)
    {
        private short[] _x = GC.AllocateUninitializedArray<short>(capacity);
        private short[] _y = GC.AllocateUninitializedArray<short>(capacity);
        private double[] _time = GC.AllocateUninitializedArray<double>(capacity);
        private uint[] _frame = GC.AllocateUninitializedArray<uint>(capacity);
        private int _count;

        /// <summary>Appends the events; returns how many are timed at or after the frame's end.</summary>
        public int Append(ReadOnlySpan<EmusPhotonEvent> events, uint frameId, uint durationMicroseconds)
        {
            if (_count + events.Length > _x.Length)
            {
                var size = Math.Max(Math.Max(_x.Length * 2, 1024), _count + events.Length);
                Array.Resize(ref _x, size);
                Array.Resize(ref _y, size);
                Array.Resize(ref _time, size);
                Array.Resize(ref _frame, size);
            }
            var outside = 0;
            for (var i = 0; i < events.Length; i++)
            {
                var e = events[i];
                var at = _count + i;
                _x[at] = (short)e.X;
                _y[at] = (short)e.Y;
                _time[at] = e.TimeOffsetMicroseconds / 1e6;
                _frame[at] = frameId;
                if ((uint)e.TimeOffsetMicroseconds >= durationMicroseconds)
                {
                    outside++;
                }
            }
            _count += events.Length;
            return outside;
        }

        public PhotonEventList ToList() => _count == _x.Length
            ? new(_x, _y, _time, _frame)
            : new(_x.AsSpan(0, _count).ToArray(), _y.AsSpan(0, _count).ToArray(), _time.AsSpan(0, _count).ToArray(), _frame.AsSpan(0, _count).ToArray());
    }
}
