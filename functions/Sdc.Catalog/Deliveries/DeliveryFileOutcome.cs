namespace Sdc.Catalog;

/// <summary>What became of a file a delivery record lists. Stored upper-case in <c>delivery_files.outcome</c>.</summary>
public enum DeliveryFileOutcome
{
    /// <summary>Checked, moved to the archive and registered: a new input for processing.</summary>
    Archived,

    /// <summary>The archive already held the same name with the same content: nothing new.</summary>
    Duplicate,

    /// <summary>The archive held the same name with other content: the new file was quarantined.</summary>
    Conflict,

    /// <summary>A check failed: the file was quarantined with its reason.</summary>
    Quarantined,
}
