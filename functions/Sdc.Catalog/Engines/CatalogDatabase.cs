using System.Data.Common;

namespace Sdc.Catalog.Engines;

/// <summary>
/// The one connection source of a process for one engine, and the few things the repositories
/// must do differently per engine. SQL lives in the repositories, not here.
/// </summary>
internal abstract class CatalogDatabase : IAsyncDisposable
{
    public abstract CatalogEngine Engine { get; }

    /// <summary>Opens a pooled connection; the caller disposes it (one per operation).</summary>
    public abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Begins a transaction that will write. On SQLite it takes the write lock up front
    /// (BEGIN IMMEDIATE), so read-then-write sequences cannot interleave with another writer.
    /// </summary>
    public abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>True when <paramref name="exception"/> is a unique violation of index <paramref name="indexName"/>.</summary>
    public abstract bool IsUniqueViolation(Exception exception, string indexName);

    public abstract ValueTask DisposeAsync();
}
