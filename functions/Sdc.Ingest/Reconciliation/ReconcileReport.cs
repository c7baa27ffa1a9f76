namespace Sdc.Ingest.Reconciliation;

/// <summary>What a reconciliation found and did.</summary>
public sealed record ReconcileReport(
    DateTimeOffset StartedAt,
    TimeSpan Elapsed,
    long ObjectsScanned,
    long RowsScanned,
    long ObjectsChecksummed,
    long BytesChecksummed,
    IReadOnlyList<Drift> Drifts,
    int Cleared,
    string? ReportKey)
{
    public bool Clean => Drifts.Count == 0;
}
