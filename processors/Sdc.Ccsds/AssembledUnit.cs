namespace Sdc.Ccsds;

/// <summary>A whole user-data unit: one unsegmented packet's user data, or the joined segments of a segmented one.</summary>
public sealed record AssembledUnit(int Apid, CucTime Time, long Offset, int Packets, ReadOnlyMemory<byte> Data);
