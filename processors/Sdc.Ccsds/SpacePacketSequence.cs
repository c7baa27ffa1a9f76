namespace Sdc.Ccsds;

/// <summary>
/// The packets of a block of memory, for <c>foreach</c> without allocation (see
/// <see cref="SpacePacketReader.Parse"/>). Framing errors throw <see cref="CcsdsFormatException"/>
/// when the enumeration reaches them; gaps go to the tracker given, if any.
/// </summary>
public readonly struct SpacePacketSequence(ReadOnlyMemory<byte> data, SequenceTracker? sequence, bool includeIdle, long baseOffset)
{
    public Enumerator GetEnumerator() => new(data, sequence, includeIdle, baseOffset);

    /// <summary>Walks the packets; <see cref="Current"/> slices the original memory.</summary>
    public struct Enumerator(ReadOnlyMemory<byte> data, SequenceTracker? sequence, bool includeIdle, long baseOffset)
    {
        private int _position;

        public SpacePacket Current { get; private set; }

        public bool MoveNext()
        {
            var span = data.Span;
            while (_position < span.Length)
            {
                var offset = baseOffset + _position;
                var length = PacketFramer.Frame(span[_position..], offset, atEnd: true);
                var header = SpacePacketHeader.Read(span[_position..]);
                var packet = new SpacePacket(header, offset, data.Slice(_position, length));
                _position += length;
                sequence?.Observe(header, offset);
                if (header.IsIdle && !includeIdle)
                {
                    continue;
                }
                Current = packet;
                return true;
            }
            return false;
        }
    }
}
