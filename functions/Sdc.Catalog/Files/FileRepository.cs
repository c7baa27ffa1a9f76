using Dapper;
using Sdc.Catalog.Engines;

namespace Sdc.Catalog.Files;

/// <summary>The <c>files</c> table: registration, look-ups, search, coverage and volumes.</summary>
internal sealed class FileRepository(CatalogDatabase database) : IFileCatalog
{
    /// <summary>The partial unique index that allows one latest version per logical id.</summary>
    internal const string LatestIndex = "files_latest_uq";

    // A concurrent registration of another version of the same product, or of the same keys in
    // bulk, makes a transaction redo its work; more than a few rounds means something is wrong.
    internal const int MaxAttempts = 10;

    internal const string InsertColumns = """
        bucket, key, kind, instrument, level, descriptor, start_time, end_time, orbit, logical_id,
        version_major, version_minor, size_bytes, md5, sha256, status, ingested_at, job_id, release_id
        """;

    // Versions: is_latest marks the highest (major, minor) of each logical id, the last registered
    // among equal versions. A new row is compared with the current latest only (kept correct by
    // induction) and gets its flag as it is inserted; the latest it supersedes is cleared first,
    // because the partial unique index files_latest_uq is checked row by row (setting the flag
    // afterwards would also write, and index, every new row twice). The new row is latest unless
    // a newer one is: if a concurrent transaction committed an older or equal latest after our
    // clear, the unique index rejects the insert and the registration starts over.
    private const string ClearOlderLatestSql = """
        UPDATE files SET is_latest = FALSE
        WHERE logical_id = @LogicalId AND is_latest AND (version_major, version_minor) <= (@VersionMajor, @VersionMinor)
        """;

    private const string InsertSql = $"""
        INSERT INTO files ({InsertColumns}, is_latest)
        VALUES (@Bucket, @Key, @Kind, @Instrument, @Level, @Descriptor, @StartTime, @EndTime, @Orbit, @LogicalId,
                @VersionMajor, @VersionMinor, @SizeBytes, @Md5, @Sha256, @Status, @IngestedAt, @JobId, @ReleaseId,
                NOT EXISTS (SELECT 1 FROM files g
                            WHERE g.logical_id = @LogicalId AND g.is_latest
                              AND (g.version_major, g.version_minor) > (@VersionMajor, @VersionMinor)))
        ON CONFLICT (key) DO NOTHING
        RETURNING id
        """;

    // Key order is byte order on both engines (SQLite's BINARY collation, COLLATE "C" in
    // PostgreSQL), the order S3 lists keys in: the reconciler merges the two listings.
    private const string ListByBucketSql = $"SELECT {FileRow.Columns} FROM files f WHERE f.bucket = @Bucket AND f.key >= @Prefix ORDER BY f.key";

    private const string SelectByKeySql = $"SELECT {FileRow.Columns} FROM files f WHERE f.key = @Key";

    private const string SelectByIdSql = $"SELECT {FileRow.Columns} FROM files f WHERE f.id = @Id";

    private const string SelectVersionsSql = $"""
        SELECT {FileRow.Columns} FROM files f WHERE f.logical_id = @LogicalId
        ORDER BY f.version_major DESC, f.version_minor DESC, f.id DESC
        """;

    private const string SelectReleasedVersionsSql = $"""
        SELECT {FileRow.Columns} FROM files f WHERE f.logical_id = @LogicalId AND f.release_id IS NOT NULL
        ORDER BY f.version_major DESC, f.version_minor DESC, f.id DESC
        """;

    private const string SelectByMd5Sql = $"SELECT {FileRow.Columns} FROM files f WHERE f.md5 = @Checksum ORDER BY f.id";

    private const string SelectBySha256Sql = $"SELECT {FileRow.Columns} FROM files f WHERE f.sha256 = @Checksum ORDER BY f.id";

    // 86400000000 = microseconds per day (UtcMicros.PerDay). Levels sort in processing order as
    // text (l0 < l1 < l2 < l3), so MAX is the highest reached.
    private const string CoverageSelect = """
        SELECT f.instrument AS Instrument, f.start_time / 86400000000 AS Day, COUNT(*) AS Files,
               MAX(f.level) AS HighestLevel
        FROM files f
        WHERE f.is_latest AND f.kind IN ('science', 'product') AND f.instrument IS NOT NULL AND f.level IS NOT NULL
          AND f.start_time >= @From AND f.start_time < @To
        """;

    private const string CoverageGroup = """
         GROUP BY f.instrument, f.start_time / 86400000000
         ORDER BY f.instrument, Day
        """;

    private const string CoverageSql = CoverageSelect + CoverageGroup;

    private const string CoverageOfInstrumentSql = CoverageSelect + " AND f.instrument = @Instrument" + CoverageGroup;

    // "x IS NULL" sorts nulls last on both engines (their own NULLS defaults differ).
    private const string VolumesSql = """
        SELECT instrument AS Instrument, level AS Level, COUNT(*) AS Files,
               SUM(CASE WHEN is_latest THEN 1 ELSE 0 END) AS LatestFiles,
               CAST(SUM(size_bytes) AS BIGINT) AS Bytes
        FROM files
        GROUP BY instrument, level
        ORDER BY instrument IS NULL, instrument, level IS NULL, level
        """;

    private readonly FileBulkRegistration _bulk = new(database);
    private readonly FileSearch _search = new(database);

    public async Task<RegistrationResult> RegisterAsync(FileRegistration file, CancellationToken cancellationToken)
    {
        var values = FileValues.From(file, UtcMicros.Truncate(DateTimeOffset.UtcNow));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryRegisterAsync(values, cancellationToken);
            }
            catch (Exception e) when (attempt < MaxAttempts && (e is KeyRaceException || database.IsUniqueViolation(e, LatestIndex)))
            {
                // Another version of the same product became latest, or the key appeared, while we
                // ran: the transaction was rolled back; redo with that row in view.
            }
        }
    }

    private async Task<RegistrationResult> TryRegisterAsync(FileValues values, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var existing = await connection.QuerySingleOrDefaultAsync<FileRow>(
            new CommandDefinition(SelectByKeySql, new { values.Key }, transaction, cancellationToken: cancellationToken));
        if (existing is not null)
        {
            await transaction.CommitAsync(cancellationToken);
            var outcome = values.SameContentAs(existing) ? RegistrationOutcome.Duplicate : RegistrationOutcome.Conflict;
            return new RegistrationResult(outcome, existing.ToModel());
        }

        await connection.ExecuteAsync(
            new CommandDefinition(ClearOlderLatestSql, values, transaction, cancellationToken: cancellationToken));
        var id = await connection.ExecuteScalarAsync<long?>(
            new CommandDefinition(InsertSql, values, transaction, cancellationToken: cancellationToken));
        if (id is null)
        {
            // Another transaction registered the key since we looked (PostgreSQL only): undo the
            // clear, and the next attempt reports a duplicate or conflict.
            throw new KeyRaceException();
        }

        var row = await connection.QuerySingleAsync<FileRow>(
            new CommandDefinition(SelectByIdSql, new { Id = id.Value }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new RegistrationResult(RegistrationOutcome.Registered, row.ToModel());
    }

    public Task<BulkRegistrationResult> RegisterManyAsync(IReadOnlyList<FileRegistration> files, CancellationToken cancellationToken) =>
        _bulk.RegisterAsync(files, cancellationToken);

    public async IAsyncEnumerable<CatalogFile> ListAsync(
        string bucket, string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = connection.QueryUnbufferedAsync<FileRow>(ListByBucketSql, new { Bucket = bucket, Prefix = prefix });
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (!row.Key.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield break;
            }
            yield return row.ToModel();
        }
    }

    public async Task<CatalogFile?> FindByKeyAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<FileRow>(
            new CommandDefinition(SelectByKeySql, new { Key = key }, cancellationToken: cancellationToken));
        return row?.ToModel();
    }

    public async Task<CatalogFile?> FindByIdAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<FileRow>(
            new CommandDefinition(SelectByIdSql, new { Id = id }, cancellationToken: cancellationToken));
        return row?.ToModel();
    }

    public async Task<IReadOnlyList<CatalogFile>> FindByChecksumAsync(string checksum, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checksum);
        var (sql, value) = (FileValues.TryHex(checksum, 16), FileValues.TryHex(checksum, 32)) switch
        {
            ({ } md5, _) => (SelectByMd5Sql, md5),
            (_, { } sha256) => (SelectBySha256Sql, sha256),
            _ => throw new ArgumentException(
                $"Checksum '{checksum}' is neither an MD5 (32 hex digits) nor a SHA-256 (64 hex digits).", nameof(checksum)),
        };
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<FileRow>(
            new CommandDefinition(sql, new { Checksum = value }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToModel()).ToList();
    }

    public async Task<IReadOnlyList<CatalogFile>> ListVersionsAsync(string logicalId, bool releasedOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logicalId);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<FileRow>(new CommandDefinition(
            releasedOnly ? SelectReleasedVersionsSql : SelectVersionsSql, new { LogicalId = logicalId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToModel()).ToList();
    }

    public Task<FilePage> SearchAsync(FileQuery query, CancellationToken cancellationToken) =>
        _search.SearchAsync(query, cancellationToken);

    /// <summary>The engine's plan for <see cref="SearchAsync"/>'s query, one line per plan node (for tests and tuning).</summary>
    internal Task<IReadOnlyList<string>> ExplainSearchAsync(FileQuery query, CancellationToken cancellationToken) =>
        _search.ExplainAsync(query, cancellationToken);

    public async Task<IReadOnlyList<CoverageDay>> GetCoverageAsync(
        DateTimeOffset since, DateTimeOffset until, string? instrument, CancellationToken cancellationToken)
    {
        var fromMicros = UtcMicros.From(since, nameof(since));
        var toMicros = UtcMicros.From(until, nameof(until));
        if (toMicros <= fromMicros)
        {
            throw new ArgumentException($"The coverage window is empty: until ({until:O}) must be after since ({since:O}).", nameof(until));
        }

        var name = FileValues.Name(instrument);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Instrument, long Day, long Files, string HighestLevel)>(
            new CommandDefinition(
                name is null ? CoverageSql : CoverageOfInstrumentSql,
                new { From = fromMicros, To = toMicros, Instrument = name },
                cancellationToken: cancellationToken));
        return rows
            .Select(r => new CoverageDay(
                r.Instrument,
                DateOnly.FromDateTime(UtcMicros.ToDateTimeOffset(r.Day * UtcMicros.PerDay).UtcDateTime),
                r.Files,
                r.HighestLevel))
            .ToList();
    }

    internal async Task<IReadOnlyList<VolumeStats>> GetVolumesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string? Instrument, string? Level, long Files, long LatestFiles, long Bytes)>(
            new CommandDefinition(VolumesSql, cancellationToken: cancellationToken));
        return rows.Select(r => new VolumeStats(r.Instrument, r.Level, r.Files, r.LatestFiles, r.Bytes)).ToList();
    }

    /// <summary>The key was registered by another transaction between our look-up and our insert.</summary>
    private sealed class KeyRaceException : Exception;
}
