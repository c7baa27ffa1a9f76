namespace Sdc.Ccsds;

/// <summary>
/// A break in one APID's sequence counts: the packet at <see cref="Offset"/> carries
/// <see cref="ActualCount"/> where <see cref="ExpectedCount"/> was due. <see cref="Missing"/>
/// counts modulo 16384, so a repeated or out-of-order packet shows as a gap of 16383 or close.
/// </summary>
public readonly record struct SequenceGap(int Apid, long Offset, int ExpectedCount, int ActualCount)
{
    public int Missing => (ActualCount - ExpectedCount) & (SpacePacketHeader.SequenceCountModulus - 1);
}
