namespace Sdc.Ccsds;

/// <summary>
/// One space packet as read: its header, where it starts, and its bytes (a slice of the reader's
/// buffer, not a copy: from <see cref="SpacePacketReader"/> it stays valid only until the next
/// read; from <see cref="SpacePacketReader.Parse"/> as long as the memory it was cut from).
/// In this mission a packet with the secondary header flag starts its data field with a
/// <see cref="CucTime"/>; <see cref="UserData"/> is what follows it.
/// </summary>
public readonly record struct SpacePacket(SpacePacketHeader Header, long Offset, ReadOnlyMemory<byte> Bytes)
{
    /// <summary>The packet data field: secondary header (if any) and user data.</summary>
    public ReadOnlyMemory<byte> DataField => Bytes[SpacePacketHeader.Length..];

    /// <summary>True when the packet has a secondary header, hence a time code.</summary>
    public bool HasTime => Header.HasSecondaryHeader;

    /// <summary>The secondary header's time code; throws when the packet has none.</summary>
    public CucTime Time => Header.HasSecondaryHeader
        ? CucTime.Read(Bytes.Span[SpacePacketHeader.Length..])
        : throw new InvalidOperationException($"The packet at byte offset {Offset} (APID {Header.Apid}) has no secondary header.");

    /// <summary>The user data field: what follows the secondary header (or the primary header when there is none).</summary>
    public ReadOnlyMemory<byte> UserData => Header.HasSecondaryHeader
        ? Bytes[(SpacePacketHeader.Length + CucTime.Length)..]
        : Bytes[SpacePacketHeader.Length..];
}
