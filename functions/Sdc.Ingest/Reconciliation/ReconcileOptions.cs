namespace Sdc.Ingest.Reconciliation;

/// <summary>How thoroughly to reconcile, and whether to repair.</summary>
public sealed record ReconcileOptions
{
    /// <summary>
    /// Share of catalogued objects whose bytes are re-hashed, 0 to 1 (1 = all). Which ones is
    /// decided by their key, so successive sampled runs cover different files as the catalog grows
    /// but a given run is reproducible.
    /// </summary>
    public double ChecksumSample { get; init; } = 0.01;

    /// <summary>Re-register orphans whose names the mission recognises; flag lost and damaged files in the catalog.</summary>
    public bool Repair { get; init; }

    /// <summary>Write the report as JSON under <c>archive:reports/reconcile/</c>.</summary>
    public bool WriteReport { get; init; } = true;
}
