using System.Buffers.Binary;

namespace Sdc.Ccsds;

/// <summary>
/// The 6-byte primary header of a space packet (CCSDS 133.0-B-2 §4.1.3), big-endian:
/// <code>
/// bits  0-2   version (always 0)
/// bit   3     type (0 telemetry, 1 telecommand)
/// bit   4     secondary header flag
/// bits  5-15  APID (11 bits; 0x7FF = idle packet)
/// bits 16-17  sequence flags (01 first, 00 continuation, 10 last, 11 unsegmented)
/// bits 18-31  packet sequence count (14 bits, per APID, wraps at 16384)
/// bits 32-47  packet data length = bytes in the packet data field − 1
/// </code>
/// </summary>
public readonly record struct SpacePacketHeader(
    int Version,
    PacketType Type,
    bool HasSecondaryHeader,
    int Apid,
    Segmentation SequenceFlags,
    int SequenceCount,
    int DataLength)
{
    /// <summary>Bytes in the primary header.</summary>
    public const int Length = 6;

    /// <summary>The highest APID (11 bits); it is reserved for idle packets.</summary>
    public const int MaxApid = 0x7FF;

    /// <summary>The APID of idle packets (all ones), which carry no data and fill a stream.</summary>
    public const int IdleApid = 0x7FF;

    /// <summary>Sequence counts run 0…16383 and wrap.</summary>
    public const int SequenceCountModulus = 1 << 14;

    /// <summary>The packet data field holds 1 to 65536 bytes.</summary>
    public const int MaxDataFieldLength = 65536;

    /// <summary>The longest possible packet: header plus the largest data field.</summary>
    public const int MaxPacketLength = Length + MaxDataFieldLength;

    /// <summary>Total length of the packet in bytes: header, plus data length + 1.</summary>
    public int PacketLength => Length + DataLength + 1;

    /// <summary>Bytes in the packet data field (secondary header and user data).</summary>
    public int DataFieldLength => DataLength + 1;

    public bool IsIdle => Apid == IdleApid;

    /// <summary>A telemetry header for a data field of <paramref name="dataFieldLength"/> bytes.</summary>
    public static SpacePacketHeader Telemetry(int apid, int sequenceCount, int dataFieldLength, bool hasSecondaryHeader = true,
        Segmentation flags = Segmentation.Unsegmented) =>
        new(0, PacketType.Telemetry, hasSecondaryHeader, apid, flags, sequenceCount, dataFieldLength - 1);

    /// <summary>Reads a header from the first 6 bytes of <paramref name="source"/>; no validation beyond the length.</summary>
    public static SpacePacketHeader Read(ReadOnlySpan<byte> source)
    {
        if (source.Length < Length)
        {
            throw new ArgumentException($"A primary header needs {Length} bytes, got {source.Length}.", nameof(source));
        }
        var identification = BinaryPrimitives.ReadUInt16BigEndian(source);
        var sequence = BinaryPrimitives.ReadUInt16BigEndian(source[2..]);
        return new SpacePacketHeader(
            identification >> 13,
            (PacketType)((identification >> 12) & 1),
            ((identification >> 11) & 1) != 0,
            identification & MaxApid,
            (Segmentation)(sequence >> 14),
            sequence & (SequenceCountModulus - 1),
            BinaryPrimitives.ReadUInt16BigEndian(source[4..]));
    }

    /// <summary>Writes the header into the first 6 bytes of <paramref name="destination"/>, checking every field's range.</summary>
    public void Write(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException($"A primary header needs {Length} bytes, got {destination.Length}.", nameof(destination));
        }
        Check(Version, 0, 7, nameof(Version));
        Check(Apid, 0, MaxApid, nameof(Apid));
        Check(SequenceCount, 0, SequenceCountModulus - 1, nameof(SequenceCount));
        Check(DataLength, 0, ushort.MaxValue, nameof(DataLength));
        Check((int)SequenceFlags, 0, 3, nameof(SequenceFlags));
        Check((int)Type, 0, 1, nameof(Type));
        var identification = (Version << 13) | ((int)Type << 12) | ((HasSecondaryHeader ? 1 : 0) << 11) | Apid;
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)identification);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)(((int)SequenceFlags << 14) | SequenceCount));
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], (ushort)DataLength);
    }

    private static void Check(int value, int min, int max, string field)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(field, value, $"{field} must be between {min} and {max}.");
        }
    }
}
