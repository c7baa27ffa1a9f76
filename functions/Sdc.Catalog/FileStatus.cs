namespace Sdc.Catalog;

/// <summary>Lifecycle of an archived object. Stored upper-case in <c>files.status</c>.</summary>
public enum FileStatus
{
    Archived,
    Quarantined,
    /// <summary>Kept in the archive but no longer served (e.g. found faulty after release).</summary>
    Withdrawn,
}
