using Sdc.Ccsds;

namespace Sdc.Processors.Emr.Level0;

/// <summary>
/// What a Level 0 file held: its scans in the order they started, the EMIRS APID's sequence gaps,
/// packets that could not be used, packets of other APIDs, and the framing error that stopped the
/// reading (null when the file was read to its clean end).
/// </summary>
public sealed record EmirsLevel0(
    IReadOnlyList<EmirsScan> Scans,
    IReadOnlyList<SequenceGap> Gaps,
    IReadOnlyList<DecodeProblem> Problems,
    long Packets,
    long ForeignPackets,
    long? FirstForeignOffset,
    CcsdsFormatException? FramingError);
