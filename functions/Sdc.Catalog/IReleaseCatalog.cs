namespace Sdc.Catalog;

/// <summary>Public releases (the <c>releases</c> and <c>release_files</c> tables).</summary>
public interface IReleaseCatalog
{
    /// <summary>
    /// Creates release N+1 in one transaction: it takes the latest archived version of every
    /// product and quicklook starting before <paramref name="cutoff"/>, makes them the public
    /// latest of their products, then calls <paramref name="publishAsync"/> with the release and its
    /// files (key order) to write the manifest, whose key it records. Nothing is committed when the
    /// publication throws. Throws <see cref="InvalidOperationException"/> when another release
    /// took the number first.
    /// </summary>
    Task<Release> CreateAsync(
        DateTimeOffset cutoff,
        string? notes,
        DateTimeOffset createdAt,
        Func<Release, IAsyncEnumerable<CatalogFile>, CancellationToken, Task<string>> publishAsync,
        CancellationToken cancellationToken);

    /// <summary>Releases, newest first.</summary>
    Task<IReadOnlyList<Release>> ListAsync(CancellationToken cancellationToken);

    Task<Release?> FindAsync(int number, CancellationToken cancellationToken);

    Task<Release?> FindByIdAsync(long id, CancellationToken cancellationToken);

    /// <summary>The files of a release in key order, streamed.</summary>
    IAsyncEnumerable<CatalogFile> ListFilesAsync(long releaseId, CancellationToken cancellationToken);
}
