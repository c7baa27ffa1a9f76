using System.Buffers.Binary;

namespace Sdc.Instruments;

/// <summary>
/// EMUS photon events, APID 0x130: a frame's events in one or more packets. Layout (after the
/// 6-byte time code, big-endian):
/// <code>
///  0  u32  frame id             8  u16  packet index in frame    12  u16  events in this packet (n)
///  4  u32  frame duration (µs) 10  u16  packets in frame         14  …    n events, 6 bytes each
/// </code>
/// An event is 48 bits: x (10 bits) · y (10 bits) · time offset in µs (28 bits), most significant first.
/// </summary>
public static class EmusPhotonEventPacket
{
    public const int Apid = 0x130;

    public const int HeaderLength = 14;

    public const int EventLength = 6;

    /// <summary>Events per packet the simulator uses (6 KB of events).</summary>
    public const int DefaultEventsPerPacket = 1000;

    public const int MaxCoordinate = 1023;

    public const int MaxTimeOffsetMicroseconds = (1 << 28) - 1;

    public static int PayloadLength(int eventCount) => HeaderLength + (eventCount * EventLength);

    public static int Encode(in EmusFrameHeader header, ReadOnlySpan<EmusPhotonEvent> events, Span<byte> destination)
    {
        if (header.PacketCount is < 1 or > ushort.MaxValue || header.PacketIndex < 0 || header.PacketIndex >= header.PacketCount)
        {
            throw new ArgumentException($"Packet {header.PacketIndex} of {header.PacketCount} is not a valid position.", nameof(header));
        }
        if (events.Length != header.EventCount || PayloadLength(events.Length) > 65530)
        {
            throw new ArgumentException($"The header announces {header.EventCount} events, got {events.Length} (at most {(65530 - HeaderLength) / EventLength} fit).", nameof(events));
        }
        var length = PayloadLength(events.Length);
        if (destination.Length < length)
        {
            throw new ArgumentException($"The packet needs {length} bytes, got {destination.Length}.", nameof(destination));
        }
        BinaryPrimitives.WriteUInt32BigEndian(destination, header.FrameId);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], header.FrameDurationMicroseconds);
        BinaryPrimitives.WriteUInt16BigEndian(destination[8..], (ushort)header.PacketIndex);
        BinaryPrimitives.WriteUInt16BigEndian(destination[10..], (ushort)header.PacketCount);
        BinaryPrimitives.WriteUInt16BigEndian(destination[12..], (ushort)header.EventCount);
        var at = HeaderLength;
        foreach (var e in events)
        {
            if ((uint)e.X > MaxCoordinate || (uint)e.Y > MaxCoordinate || (uint)e.TimeOffsetMicroseconds > MaxTimeOffsetMicroseconds)
            {
                throw new ArgumentOutOfRangeException(nameof(events), e, "x and y are 10 bits (0–1023), the time offset 28 bits of µs.");
            }
            var word = ((ulong)e.X << 38) | ((ulong)e.Y << 28) | (uint)e.TimeOffsetMicroseconds;
            BinaryPrimitives.WriteUInt16BigEndian(destination[at..], (ushort)(word >> 32));
            BinaryPrimitives.WriteUInt32BigEndian(destination[(at + 2)..], (uint)word);
            at += EventLength;
        }
        return length;
    }

    public static EmusFrameHeader DecodeHeader(ReadOnlySpan<byte> payload)
    {
        PayloadFormatException.RequireLength(payload, HeaderLength, "EMUS packet header");
        var header = new EmusFrameHeader(
            BinaryPrimitives.ReadUInt32BigEndian(payload),
            BinaryPrimitives.ReadUInt32BigEndian(payload[4..]),
            BinaryPrimitives.ReadUInt16BigEndian(payload[8..]),
            BinaryPrimitives.ReadUInt16BigEndian(payload[10..]),
            BinaryPrimitives.ReadUInt16BigEndian(payload[12..]));
        if (header.PacketIndex >= header.PacketCount)
        {
            throw new PayloadFormatException($"EMUS packet: index {header.PacketIndex} of {header.PacketCount} packets.");
        }
        PayloadFormatException.RequireLength(payload, PayloadLength(header.EventCount), $"EMUS packet of {header.EventCount} events");
        return header;
    }

    /// <summary>Decodes the events into <paramref name="events"/> (at least <see cref="EmusFrameHeader.EventCount"/> long).</summary>
    public static EmusFrameHeader Decode(ReadOnlySpan<byte> payload, Span<EmusPhotonEvent> events)
    {
        var header = DecodeHeader(payload);
        if (events.Length < header.EventCount)
        {
            throw new ArgumentException($"The packet has {header.EventCount} events; the destination holds {events.Length}.", nameof(events));
        }
        var at = HeaderLength;
        for (var i = 0; i < header.EventCount; i++)
        {
            var word = ((ulong)BinaryPrimitives.ReadUInt16BigEndian(payload[at..]) << 32) | BinaryPrimitives.ReadUInt32BigEndian(payload[(at + 2)..]);
            events[i] = new EmusPhotonEvent((int)(word >> 38) & 0x3FF, (int)(word >> 28) & 0x3FF, (int)(word & MaxTimeOffsetMicroseconds));
            at += EventLength;
        }
        return header;
    }
}
