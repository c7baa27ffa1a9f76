namespace Sdc.Ingest;

/// <summary>What ingest did with one inbox object.</summary>
public enum IngestOutcome
{
    /// <summary>Checked, moved to its canonical key and registered.</summary>
    Archived,

    /// <summary>The archive already holds it with the same content: the inbox copy was dropped.</summary>
    Duplicate,

    /// <summary>The archive holds the name with other content: quarantined, the archive untouched.</summary>
    Conflict,

    /// <summary>A check failed: moved to quarantine with a reason beside it.</summary>
    Quarantined,

    /// <summary>Left in the inbox until its delivery record or <c>.md5</c> sidecar arrives.</summary>
    Waiting,

    /// <summary>A delivery record, accepted and archived; its files are reported on their own.</summary>
    Recorded,

    /// <summary>The key itself is unacceptable (e.g. <c>../x</c>, too long): nothing was touched.</summary>
    Rejected,

    /// <summary>No longer in the inbox (an event delivered again after the file was handled).</summary>
    Gone,
}
