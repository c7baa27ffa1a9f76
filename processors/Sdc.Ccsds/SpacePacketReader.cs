using System.Buffers;
using System.Runtime.CompilerServices;

namespace Sdc.Ccsds;

/// <summary>
/// Reads space packets from a stream, one after another, without copying them: each packet's
/// <see cref="SpacePacket.Bytes"/> is a slice of the reader's buffer and is valid only until the
/// next read (copy what you keep). Every packet is checked for framing (version, length, room for
/// the time code); a problem throws <see cref="CcsdsFormatException"/> with the packet's byte offset.
/// Sequence gaps are not errors: <see cref="Sequence"/> records them per APID. Idle packets
/// (APID 0x7FF) are skipped unless asked for.
/// </summary>
public sealed class SpacePacketReader : IDisposable
{
    /// <summary>1 MiB: large enough that refills are rare, small enough to stay in cache-friendly territory.</summary>
    public const int DefaultBufferSize = 1 << 20;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly bool _includeIdle;
    private readonly byte[] _buffer;
    private int _start;
    private int _end;
    private long _offset;
    private bool _atEnd;
    private bool _disposed;

    public SpacePacketReader(Stream stream, bool leaveOpen = false, bool includeIdle = false, int bufferSize = DefaultBufferSize)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, SpacePacketHeader.MaxPacketLength);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _includeIdle = includeIdle;
        // Pooled: a processor opens many small files, and a fresh megabyte for each is garbage.
        _buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
    }

    /// <summary>Sequence counts and gaps per APID of every packet read so far (idle packets counted, not followed).</summary>
    public SequenceTracker Sequence { get; } = new();

    /// <summary>Byte offset of the next packet to be read.</summary>
    public long Position => _offset;

    /// <summary>
    /// Reads every packet of <paramref name="data"/> in place: no copy, no allocation per packet, the
    /// packets' bytes valid as long as <paramref name="data"/>. Use with <c>foreach</c>.
    /// </summary>
    public static SpacePacketSequence Parse(ReadOnlyMemory<byte> data, SequenceTracker? sequence = null, bool includeIdle = false, long baseOffset = 0) =>
        new(data, sequence, includeIdle, baseOffset);

    /// <summary>Reads the next packet; false at the clean end of the stream.</summary>
    public bool TryRead(out SpacePacket packet)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (true)
        {
            if (TryTake(out packet, out var skipped))
            {
                if (skipped)
                {
                    continue;
                }
                return true;
            }
            if (_atEnd)
            {
                return false;
            }
            Compact();
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            Refilled(read);
        }
    }

    /// <summary>Reads the next packet; null at the clean end of the stream.</summary>
    public async ValueTask<SpacePacket?> ReadAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (true)
        {
            if (TryTake(out var packet, out var skipped))
            {
                if (skipped)
                {
                    continue;
                }
                return packet;
            }
            if (_atEnd)
            {
                return null;
            }
            Compact();
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            Refilled(read);
        }
    }

    /// <summary>Every remaining packet. Each one's bytes are valid until the enumeration moves on.</summary>
    public IEnumerable<SpacePacket> ReadAll()
    {
        while (TryRead(out var packet))
        {
            yield return packet;
        }
    }

    /// <summary>Every remaining packet, reading the stream asynchronously.</summary>
    public async IAsyncEnumerable<SpacePacket> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await ReadAsync(cancellationToken).ConfigureAwait(false) is { } packet)
        {
            yield return packet;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        ArrayPool<byte>.Shared.Return(_buffer);
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    // True when a whole packet was in the buffer (skipped: it was an idle packet the caller does not want).
    private bool TryTake(out SpacePacket packet, out bool skipped)
    {
        skipped = false;
        var available = _end - _start;
        if (available == 0 && _atEnd)
        {
            packet = default;
            return false;
        }
        var span = new ReadOnlySpan<byte>(_buffer, _start, available);
        var length = PacketFramer.Frame(span, _offset, _atEnd);
        if (length == 0)
        {
            packet = default;
            return false;
        }
        var header = SpacePacketHeader.Read(span);
        packet = new SpacePacket(header, _offset, new ReadOnlyMemory<byte>(_buffer, _start, length));
        Sequence.Observe(header, _offset);
        _start += length;
        _offset += length;
        skipped = header.IsIdle && !_includeIdle;
        return true;
    }

    private void Compact()
    {
        if (_start == 0)
        {
            return;
        }
        var remaining = _end - _start;
        Buffer.BlockCopy(_buffer, _start, _buffer, 0, remaining);
        _start = 0;
        _end = remaining;
    }

    private void Refilled(int read)
    {
        if (read == 0)
        {
            _atEnd = true;
        }
        _end += read;
    }
}
