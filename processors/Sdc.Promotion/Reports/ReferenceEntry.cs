namespace Sdc.Promotion.Reports;

/// <summary>One input of the reference set.</summary>
public sealed record ReferenceEntry(string Name, long Size, string Sha256);
