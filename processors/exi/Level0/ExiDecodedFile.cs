using Sdc.Ccsds;

namespace Sdc.Processors.Exi.Level0;

/// <summary>
/// What an EXI Level 0 file held: its images in the order their first tile came, the sequence gaps,
/// how many packets were read, and how many were ignored (with the first one's offset and why).
/// </summary>
public sealed record ExiDecodedFile(
    IReadOnlyList<ExiRawImage> Images,
    IReadOnlyList<SequenceGap> Gaps,
    long Packets,
    long IgnoredPackets,
    long? FirstIgnoredOffset,
    IReadOnlyList<string> IgnoredReasons);
