namespace Sdc.Ingest.Indexing;

/// <summary>What indexing a job did: the products indexed, those refused, and remarks (unknown lineage inputs).</summary>
public sealed record IndexReport(long? JobId, IReadOnlyList<IndexedProduct> Indexed, IReadOnlyList<RefusedProduct> Refused, IReadOnlyList<string> Remarks);
