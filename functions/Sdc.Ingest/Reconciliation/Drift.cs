namespace Sdc.Ingest.Reconciliation;

/// <summary>One disagreement between storage and catalog, and what <c>--repair</c> did about it (null: nothing).</summary>
public sealed record Drift(DriftKind Kind, string Bucket, string Key, string Detail, string? Action);
