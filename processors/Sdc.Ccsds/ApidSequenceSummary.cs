namespace Sdc.Ccsds;

/// <summary>What one APID's packets looked like: how many, how many gaps, how many packets the gaps add up to.</summary>
public sealed record ApidSequenceSummary(int Apid, long Packets, int Gaps, long MissingPackets, int FirstCount, int LastCount);
