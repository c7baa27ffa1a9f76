namespace Sdc.Catalog;

/// <summary>
/// Ingest bookkeeping (<c>deliveries</c>, <c>delivery_files</c>, <c>loose_files</c>): which
/// delivery records have arrived, what each listed file became, and which files archived on a
/// sidecar still wait for a manifest. Every write is idempotent, because S3 events are
/// delivered at least once.
/// </summary>
public interface IDeliveryCatalog
{
    /// <summary>
    /// Records a delivery and its files, or returns the one already recorded under the same
    /// record name (unchanged: a resent record with other content does not rewrite history).
    /// </summary>
    Task<Delivery> OpenAsync(DeliveryOpening opening, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    Task<Delivery?> FindAsync(string recordName, CancellationToken cancellationToken);

    Task<Delivery?> FindByIdAsync(long id, CancellationToken cancellationToken);

    /// <summary>Deliveries still waiting for files, oldest first.</summary>
    Task<IReadOnlyList<Delivery>> ListWaitingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// What the newest delivery listing <paramref name="fileName"/> expects of it, preferring one
    /// where it has no outcome yet; null when no record lists it.
    /// </summary>
    Task<ExpectedFile?> FindExpectedAsync(string fileName, CancellationToken cancellationToken);

    /// <summary>
    /// Sets a listed file's outcome (and catalog row); a later call for the same file overwrites
    /// it, except that <see cref="DeliveryFileOutcome.Duplicate"/> never replaces <see cref="DeliveryFileOutcome.Archived"/>.
    /// </summary>
    Task SetOutcomeAsync(long deliveryId, string fileName, DeliveryFileOutcome outcome, long? fileId, CancellationToken cancellationToken);

    /// <summary>How many of the delivery's files have no outcome yet (a cheap check before loading the delivery).</summary>
    Task<int> CountUnsettledAsync(long deliveryId, CancellationToken cancellationToken);

    /// <summary>Marks the delivery complete with its manifest key; false when it already was (nothing changed).</summary>
    Task<bool> CompleteAsync(long deliveryId, string? manifestKey, DateTimeOffset completedAt, CancellationToken cancellationToken);

    /// <summary>Adds a file archived outside any record to those waiting for a manifest (again: no change).</summary>
    Task AddLooseAsync(long fileId, DateTimeOffset archivedAt, CancellationToken cancellationToken);

    /// <summary>Files waiting for a manifest, oldest first.</summary>
    Task<IReadOnlyList<LooseFile>> ListLooseAsync(CancellationToken cancellationToken);

    /// <summary>Forgets files once their manifest is written.</summary>
    Task RemoveLooseAsync(IReadOnlyList<long> fileIds, CancellationToken cancellationToken);
}
