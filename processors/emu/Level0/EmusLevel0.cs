using Sdc.Ccsds;

namespace Sdc.Processors.Emu.Level0;

/// <summary>
/// What an EMUS Level 0 file holds: every photon event in stream order, the frames in order of
/// their first packet, the sequence gaps of APID 0x130, the EMUS packets read, and how many packets
/// of other APIDs were skipped (the first at <see cref="ForeignFirstOffset"/>).
/// </summary>
public sealed record EmusLevel0(
    PhotonEventList Events,
    IReadOnlyList<EmusFrame> Frames,
    IReadOnlyList<SequenceGap> Gaps,
    long Packets,
    long ForeignPackets,
    long? ForeignFirstOffset)
{
    /// <summary>Packets the gaps add up to.</summary>
    public long MissingPackets => Gaps.Sum(g => (long)g.Missing);

    /// <summary>The <see cref="EmuQuality"/> bits of the whole file.</summary>
    public int Quality => (Gaps.Count > 0 ? EmuQuality.PacketsMissing : 0) | Frames.Aggregate(0, (q, f) => q | f.Quality);
}
