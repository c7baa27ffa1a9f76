namespace Sdc.Catalog;

/// <summary>The catalog's record of archived objects (the <c>files</c> table).</summary>
public interface IFileCatalog
{
    /// <summary>
    /// Registers one file, idempotently: the same key with the same size and checksums is a
    /// <see cref="RegistrationOutcome.Duplicate"/>, the same key with other content a
    /// <see cref="RegistrationOutcome.Conflict"/> (the existing row is not touched). Keeps the
    /// latest-version flag of the file's logical product.
    /// </summary>
    Task<RegistrationResult> RegisterAsync(FileRegistration file, CancellationToken cancellationToken);

    /// <summary>
    /// Registers many files in one transaction with the same rules as <see cref="RegisterAsync"/>
    /// (a key repeated within the batch counts as a duplicate or conflict of its first occurrence).
    /// Meant for big deliveries: PostgreSQL loads them with binary COPY.
    /// </summary>
    Task<BulkRegistrationResult> RegisterManyAsync(IReadOnlyList<FileRegistration> files, CancellationToken cancellationToken);

    /// <summary>
    /// Streams the files of <paramref name="bucket"/> whose keys start with <paramref name="prefix"/>,
    /// in key order (UTF-8 byte order, as S3 lists), without holding them all in memory.
    /// </summary>
    IAsyncEnumerable<CatalogFile> ListAsync(string bucket, string prefix, CancellationToken cancellationToken);

    Task<CatalogFile?> FindByKeyAsync(string key, CancellationToken cancellationToken);

    Task<CatalogFile?> FindByIdAsync(long id, CancellationToken cancellationToken);

    /// <summary>Files whose MD5 (32 hex digits) or SHA-256 (64 hex digits) is <paramref name="checksum"/>.</summary>
    Task<IReadOnlyList<CatalogFile>> FindByChecksumAsync(string checksum, CancellationToken cancellationToken);

    /// <summary>Every version of a logical product, newest first; with <paramref name="releasedOnly"/>, only released ones.</summary>
    Task<IReadOnlyList<CatalogFile>> ListVersionsAsync(string logicalId, bool releasedOnly, CancellationToken cancellationToken);

    /// <summary>One page of files matching <paramref name="query"/>; throws <see cref="InvalidCursorException"/> for a bad cursor.</summary>
    Task<FilePage> SearchAsync(FileQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Per instrument and UTC day in [<paramref name="since"/>, <paramref name="until"/>): latest science
    /// files and products starting that day, and the highest level among them.
    /// </summary>
    Task<IReadOnlyList<CoverageDay>> GetCoverageAsync(DateTimeOffset since, DateTimeOffset until, string? instrument, CancellationToken cancellationToken);
}
