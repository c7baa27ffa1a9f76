namespace Sdc.Processors.Emr.Level0;

/// <summary>A packet the decoder could not use, at its byte offset in the Level 0 file, and why.</summary>
public sealed record DecodeProblem(long Offset, string Problem);
