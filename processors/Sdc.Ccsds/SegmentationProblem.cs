namespace Sdc.Ccsds;

/// <summary>A segment out of place (a continuation with no first segment, a first segment before the last one ended).</summary>
public sealed record SegmentationProblem(int Apid, long Offset, string Problem);
