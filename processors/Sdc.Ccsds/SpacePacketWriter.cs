namespace Sdc.Ccsds;

/// <summary>
/// Writes space packets to a stream, keeping each APID's sequence count (so callers only say what
/// goes in a packet). Telemetry packets carry this mission's secondary header, a <see cref="CucTime"/>;
/// <see cref="WriteIdle"/> fills with idle packets, <see cref="WriteSegmented"/> splits a unit
/// too large for one packet into first/continuation/last segments.
/// </summary>
public sealed class SpacePacketWriter : IDisposable
{
    /// <summary>The fill byte of idle packets' data field (the standard leaves the pattern to the mission).</summary>
    public const byte IdleFill = 0x55;

    /// <summary>The most user data one packet with a time code can carry.</summary>
    public const int MaxUserDataLength = SpacePacketHeader.MaxDataFieldLength - CucTime.Length;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly int[] _next = new int[SpacePacketHeader.MaxApid + 1];
    private readonly byte[] _headers = new byte[SpacePacketHeader.Length + CucTime.Length];

    public SpacePacketWriter(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
    }

    /// <summary>Bytes written so far: the offset the next packet will have.</summary>
    public long Position { get; private set; }

    /// <summary>Packets written so far, idle packets included.</summary>
    public long Packets { get; private set; }

    /// <summary>The sequence count the next packet of <paramref name="apid"/> will carry.</summary>
    public int NextSequenceCount(int apid) => _next[CheckApid(apid)];

    /// <summary>Advances an APID's count without writing, leaving a gap of <paramref name="count"/> packets (fault injection, tests).</summary>
    public void SkipSequenceCount(int apid, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _next[CheckApid(apid)] = (_next[apid] + count) & (SpacePacketHeader.SequenceCountModulus - 1);
    }

    /// <summary>Writes one telemetry packet: primary header, time code, user data. Returns the header written.</summary>
    public SpacePacketHeader Write(int apid, CucTime time, ReadOnlySpan<byte> userData, Segmentation flags = Segmentation.Unsegmented)
    {
        if (userData.Length > MaxUserDataLength)
        {
            throw new ArgumentException($"{userData.Length} bytes of user data do not fit in one packet (at most {MaxUserDataLength}); use WriteSegmented.", nameof(userData));
        }
        var header = SpacePacketHeader.Telemetry(apid, TakeCount(apid), CucTime.Length + userData.Length, hasSecondaryHeader: true, flags);
        header.Write(_headers);
        time.Write(_headers.AsSpan(SpacePacketHeader.Length));
        _stream.Write(_headers);
        _stream.Write(userData);
        Wrote(header);
        return header;
    }

    /// <summary>Writes a packet with no secondary header (so no time code). The data field may not be empty.</summary>
    public SpacePacketHeader WriteWithoutTime(int apid, ReadOnlySpan<byte> userData, Segmentation flags = Segmentation.Unsegmented)
    {
        if (userData.IsEmpty || userData.Length > SpacePacketHeader.MaxDataFieldLength)
        {
            throw new ArgumentException($"A packet data field holds 1 to {SpacePacketHeader.MaxDataFieldLength} bytes, got {userData.Length}.", nameof(userData));
        }
        var header = SpacePacketHeader.Telemetry(apid, TakeCount(apid), userData.Length, hasSecondaryHeader: false, flags);
        header.Write(_headers);
        _stream.Write(_headers.AsSpan(0, SpacePacketHeader.Length));
        _stream.Write(userData);
        Wrote(header);
        return header;
    }

    /// <summary>Writes an idle packet (APID 0x7FF, no secondary header) of <paramref name="dataFieldLength"/> fill bytes.</summary>
    public SpacePacketHeader WriteIdle(int dataFieldLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dataFieldLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dataFieldLength, SpacePacketHeader.MaxDataFieldLength);
        var header = SpacePacketHeader.Telemetry(SpacePacketHeader.IdleApid, TakeCount(SpacePacketHeader.IdleApid), dataFieldLength, hasSecondaryHeader: false);
        header.Write(_headers);
        _stream.Write(_headers.AsSpan(0, SpacePacketHeader.Length));
        Span<byte> fill = stackalloc byte[256];
        fill.Fill(IdleFill);
        for (var left = dataFieldLength; left > 0; left -= fill.Length)
        {
            _stream.Write(fill[..Math.Min(left, fill.Length)]);
        }
        Wrote(header);
        return header;
    }

    /// <summary>
    /// Writes <paramref name="unit"/> as one unsegmented packet when it fits in
    /// <paramref name="maxUserDataPerPacket"/> bytes, else as first, continuation… and last
    /// segments, each with the same time code. Returns the number of packets written.
    /// </summary>
    public int WriteSegmented(int apid, CucTime time, ReadOnlySpan<byte> unit, int maxUserDataPerPacket = MaxUserDataLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxUserDataPerPacket, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxUserDataPerPacket, MaxUserDataLength);
        if (unit.Length <= maxUserDataPerPacket)
        {
            Write(apid, time, unit);
            return 1;
        }
        var packets = 0;
        for (var start = 0; start < unit.Length; start += maxUserDataPerPacket)
        {
            var length = Math.Min(maxUserDataPerPacket, unit.Length - start);
            var flags = start == 0 ? Segmentation.First
                : start + length == unit.Length ? Segmentation.Last
                : Segmentation.Continuation;
            Write(apid, time, unit.Slice(start, length), flags);
            packets++;
        }
        return packets;
    }

    /// <summary>
    /// Encodes a whole packet into <paramref name="destination"/> without a writer (the header's
    /// data length must match the time code and user data). Returns the bytes written.
    /// </summary>
    public static int Encode(Span<byte> destination, in SpacePacketHeader header, CucTime? time, ReadOnlySpan<byte> userData)
    {
        var dataField = (time is null ? 0 : CucTime.Length) + userData.Length;
        if (header.DataFieldLength != dataField || header.HasSecondaryHeader != time.HasValue)
        {
            throw new ArgumentException($"The header declares a {header.DataFieldLength}-byte data field (secondary header: {header.HasSecondaryHeader}), the content is {dataField} bytes (time code: {time.HasValue}).", nameof(header));
        }
        header.Write(destination);
        var at = SpacePacketHeader.Length;
        if (time is { } t)
        {
            t.Write(destination[at..]);
            at += CucTime.Length;
        }
        userData.CopyTo(destination[at..]);
        return at + userData.Length;
    }

    public void Flush() => _stream.Flush();

    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private int TakeCount(int apid)
    {
        var count = _next[CheckApid(apid)];
        _next[apid] = (count + 1) & (SpacePacketHeader.SequenceCountModulus - 1);
        return count;
    }

    private void Wrote(in SpacePacketHeader header)
    {
        Position += header.PacketLength;
        Packets++;
    }

    private static int CheckApid(int apid)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(apid);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(apid, SpacePacketHeader.MaxApid);
        return apid;
    }
}
