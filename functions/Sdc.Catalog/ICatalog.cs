namespace Sdc.Catalog;

/// <summary>
/// An open catalog on one engine; one per process (it owns the connection pool). Open it with
/// <see cref="CatalogFactory.OpenAsync"/>.
/// </summary>
public interface ICatalog : IAsyncDisposable
{
    CatalogEngine Engine { get; }

    IFileCatalog Files { get; }

    ILineageCatalog Lineage { get; }

    /// <summary>The local issuer's users and their refresh tokens.</summary>
    IUserCatalog Users { get; }

    IDeliveryCatalog Deliveries { get; }

    IFileProblemCatalog Problems { get; }

    IJobCatalog Jobs { get; }

    IReleaseCatalog Releases { get; }

    /// <summary>
    /// Applies the migrations the database lacks, each in its own transaction, and returns them
    /// (empty when the schema is current). Safe to run concurrently from several processes.
    /// Throws <see cref="InvalidOperationException"/> when an applied migration's script has
    /// changed since, or the database has migrations this build does not know.
    /// </summary>
    Task<IReadOnlyList<AppliedMigration>> MigrateAsync(CancellationToken cancellationToken);

    /// <summary>The migrations recorded in <c>schema_migrations</c>, oldest first.</summary>
    Task<IReadOnlyList<AppliedMigration>> GetAppliedMigrationsAsync(CancellationToken cancellationToken);

    Task<CatalogStats> GetStatsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Refreshes the query planner's statistics (ANALYZE). Worth running after a bulk load that
    /// changed a large share of the catalog, before PostgreSQL's autovacuum gets to it.
    /// </summary>
    Task OptimizeAsync(CancellationToken cancellationToken);
}
