using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Sdc.Ccsds;

/// <summary>Finds where the packet at the start of a buffer ends, and checks what every packet must satisfy.</summary>
internal static class PacketFramer
{
    /// <summary>
    /// The length of the packet that starts at <paramref name="buffer"/>[0], or 0 when the buffer
    /// holds only part of it and more data may follow. When <paramref name="atEnd"/> is true no more
    /// data follows, so a partial packet is a <see cref="CcsdsFormatException"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Frame(ReadOnlySpan<byte> buffer, long offset, bool atEnd)
    {
        if (buffer.Length < SpacePacketHeader.Length)
        {
            if (atEnd)
            {
                throw new CcsdsFormatException(offset,
                    $"truncated: only {buffer.Length} byte(s) remain, fewer than the {SpacePacketHeader.Length}-byte primary header");
            }
            return 0;
        }
        var identification = BinaryPrimitives.ReadUInt16BigEndian(buffer);
        if ((identification >> 13) != 0)
        {
            throw new CcsdsFormatException(offset, $"packet version {identification >> 13}, expected 0 (not a packet boundary, or corrupt data)");
        }
        var length = BinaryPrimitives.ReadUInt16BigEndian(buffer[4..]) + SpacePacketHeader.Length + 1;
        if ((identification & 0x0800) != 0 && length < SpacePacketHeader.Length + CucTime.Length)
        {
            throw new CcsdsFormatException(offset,
                $"secondary header flag set but the data field has {length - SpacePacketHeader.Length} byte(s), fewer than the {CucTime.Length}-byte time code");
        }
        if (buffer.Length < length)
        {
            if (atEnd)
            {
                throw new CcsdsFormatException(offset,
                    $"packet length runs past the end of the data: APID {identification & SpacePacketHeader.MaxApid} declares {length} bytes but only {buffer.Length} remain");
            }
            return 0;
        }
        return length;
    }
}
