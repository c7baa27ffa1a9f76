using System.Buffers.Binary;
using Sdc.Ccsds;

namespace Sdc.Simulator.Faults;

/// <summary>
/// Damages a written Level 0 file the way <see cref="FaultKind"/> says, and reports exactly what a
/// reader will find (the byte offset of the bad packet, the APID and size of the gap).
/// </summary>
internal static class FaultInjector
{
    /// <summary>Packets removed by a gap fault.</summary>
    public const int GapPackets = 3;

    /// <summary>How many bytes more than it has the last packet claims in a bad-length fault.</summary>
    public const int ExtraLength = 1000;

    /// <summary>Cuts the file in the middle of the packet that holds its middle byte.</summary>
    public static InjectedFault Truncate(string path, string name)
    {
        var size = new FileInfo(path).Length;
        var (offset, length) = Packets(path).First(p => p.Offset + p.Length > size / 2);
        var cut = offset + (length / 2);
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(cut);
        }
        return new InjectedFault(FaultKind.Truncate, name,
            $"cut from {size} to {cut} bytes, in the middle of the {length}-byte packet at offset {offset}; the delivery record keeps the full size and MD5",
            Offset: offset);
    }

    /// <summary>Makes the last packet declare <see cref="ExtraLength"/> more bytes than the file holds.</summary>
    public static InjectedFault BadLength(string path, string name)
    {
        var (offset, length) = Packets(path).Last();
        var declared = length - SpacePacketHeader.Length - 1 + ExtraLength;
        if (declared > ushort.MaxValue)
        {
            throw new InvalidOperationException($"The last packet of {name} is too long to lengthen.");
        }
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            stream.Position = offset + 4;
            Span<byte> field = stackalloc byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(field, (ushort)declared);
            stream.Write(field);
        }
        return new InjectedFault(FaultKind.BadLength, name,
            $"the last packet (offset {offset}) declares {length + ExtraLength} bytes, {ExtraLength} more than the file holds",
            Offset: offset);
    }

    /// <summary>Removes <see cref="GapPackets"/> consecutive packets from the middle of the file.</summary>
    public static InjectedFault Gap(string path, string name)
    {
        var temporary = path + ".gap";
        int apid = -1, expected = -1, actual = -1;
        long resumeOffset = -1;
        using (var input = File.OpenRead(path))
        using (var output = File.Create(temporary))
        using (var reader = new SpacePacketReader(input, includeIdle: true))
        {
            var total = CountPackets(path);
            if (total < GapPackets + 2)
            {
                throw new InvalidOperationException($"{name} has {total} packets, too few for a gap of {GapPackets}.");
            }
            var first = (total / 2) - 1;
            var index = 0;
            while (reader.TryRead(out var packet))
            {
                if (index == first)
                {
                    apid = packet.Header.Apid;
                    expected = packet.Header.SequenceCount;
                }
                if (index < first || index >= first + GapPackets)
                {
                    if (index == first + GapPackets)
                    {
                        resumeOffset = output.Position;
                        actual = packet.Header.SequenceCount;
                    }
                    output.Write(packet.Bytes.Span);
                }
                index++;
            }
        }
        File.Move(temporary, path, overwrite: true);
        return new InjectedFault(FaultKind.Gap, name,
            $"{GapPackets} packets of APID 0x{apid:X3} removed (sequence count {expected} expected, {actual} found at offset {resumeOffset})",
            Offset: resumeOffset, Apid: apid, MissingPackets: GapPackets);
    }

    private static long CountPackets(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new SpacePacketReader(stream, includeIdle: true);
        long count = 0;
        while (reader.TryRead(out _))
        {
            count++;
        }
        return count;
    }

    private static IEnumerable<(long Offset, int Length)> Packets(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new SpacePacketReader(stream, includeIdle: true);
        while (reader.TryRead(out var packet))
        {
            yield return (packet.Offset, packet.Header.PacketLength);
        }
    }
}
