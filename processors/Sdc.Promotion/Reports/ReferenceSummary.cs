namespace Sdc.Promotion.Reports;

/// <summary>The reference set: where it came from, its checksum (see ReferenceSet) and its files.</summary>
public sealed record ReferenceSummary(string Source, string Sha256, IReadOnlyList<ReferenceEntry> Files, IReadOnlyList<string> Ignored);
