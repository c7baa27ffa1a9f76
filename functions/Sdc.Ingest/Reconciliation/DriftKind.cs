namespace Sdc.Ingest.Reconciliation;

/// <summary>A way storage and catalog disagree.</summary>
public enum DriftKind
{
    /// <summary>An object in storage that the catalog does not list.</summary>
    Orphan,

    /// <summary>A catalog row whose object is gone.</summary>
    Lost,

    /// <summary>The object's size differs from the catalog's.</summary>
    SizeMismatch,

    /// <summary>The object's bytes hash to other checksums than the catalog's.</summary>
    ChecksumMismatch,
}
