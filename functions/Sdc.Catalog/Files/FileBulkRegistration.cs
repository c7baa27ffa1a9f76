using System.Data.Common;
using System.Globalization;
using Dapper;
using Sdc.Catalog.Engines;

namespace Sdc.Catalog.Files;

/// <summary>
/// Registers a batch of files in one transaction, with the rules of single registration
/// (duplicates, conflicts, latest versions) applied set-wise: the batch is loaded into a staging
/// table (binary COPY on PostgreSQL), latest flags are settled against the catalog with one
/// probe, and one INSERT ... SELECT adds the rows with their final flags.
/// </summary>
internal sealed class FileBulkRegistration(CatalogDatabase database)
{
    private const string InsertColumns = FileRepository.InsertColumns;

    // Bulk registration. The staging table holds the batch, with batch_latest marking the
    // highest version of each logical id within it (the last one among equals). For those rows
    // this probe finds the catalog's latest of the same logical id: its id if the staged row
    // supersedes it, minus its id if it is newer than the staged row. (Nested loops over the
    // partial unique index files_latest_uq: one index look-up per staged row.)
    private const string ProbeLatestSql = """
        SELECT s.ord AS Ord,
               CASE WHEN (g.version_major, g.version_minor) > (s.version_major, s.version_minor) THEN -g.id ELSE g.id END AS Latest
        FROM files_staging s JOIN files g ON g.logical_id = s.logical_id AND g.is_latest
        WHERE s.batch_latest
        """;

    // Which staged keys are already registered, and with the same content or not. Only run when
    // the insert came up short, which is rare (a delivery sent again). Correlated scalar
    // subqueries keep each answer an index look-up, where a join lets PostgreSQL hash the whole
    // files table; MATERIALIZED makes both engines run them once per row, not again in WHERE.
    private const string ProbeKnownSql = """
        WITH p AS MATERIALIZED (
            SELECT s.ord, s.key,
                   (SELECT CASE WHEN f.size_bytes = s.size_bytes AND f.md5 = s.md5 AND f.sha256 = s.sha256 THEN 1 ELSE 0 END
                    FROM files f WHERE f.key = s.key) AS known
            FROM files_staging s)
        SELECT p.ord AS Ord, p.key AS Key, p.known AS Known
        FROM p
        WHERE p.known IS NOT NULL
        """;

    // Already registered keys (rare: a delivery sent again) leave the staging table, and the
    // batch_latest flags are recomputed without them.
    private const string UnstageSql = "DELETE FROM files_staging WHERE ord IN ";

    private const string RestageLatestSql = """
        UPDATE files_staging SET batch_latest = (ord IN (
            SELECT w.ord
            FROM (SELECT s.ord, ROW_NUMBER() OVER (PARTITION BY s.logical_id
                                                   ORDER BY s.version_major DESC, s.version_minor DESC, s.ord DESC) AS rank
                  FROM files_staging s) w
            WHERE w.rank = 1))
        """;

    // A staged version older than the catalog's latest is not latest...
    private const string DemoteStagedSql = "UPDATE files_staging SET batch_latest = FALSE WHERE ord IN ";

    // ...and the latest a staged version supersedes (or equals: last registered wins) loses its
    // flag before the insert, which files_latest_uq checks row by row.
    private const string ClearLatestSql = "UPDATE files SET is_latest = FALSE WHERE id IN ";

    // ON CONFLICT covers keys another transaction committed since the probe (the caller then
    // sees a short count and starts over). "WHERE TRUE" lets SQLite's parser tell the upsert's
    // ON from a join's.
    private const string InsertStagedSql = $"""
        INSERT INTO files ({InsertColumns}, is_latest)
        SELECT s.bucket, s.key, s.kind, s.instrument, s.level, s.descriptor, s.start_time, s.end_time, s.orbit,
               s.logical_id, s.version_major, s.version_minor, s.size_bytes, s.md5, s.sha256, s.status,
               s.ingested_at, s.job_id, s.release_id, s.batch_latest
        FROM files_staging s
        WHERE TRUE
        ORDER BY s.ord
        ON CONFLICT (key) DO NOTHING
        """;

    // Id lists go as one parameter per id, "(@v0, @v1, ...)" appended to the statements above, in
    // chunks well under both engines' parameter limits. (Dapper's own "IN @list" expansion is not
    // used: with Npgsql it sends an array instead, which needs "= ANY(...)" there.)
    private const int ListChunk = 1000;

    private static readonly string[] ListParameters =
        Enumerable.Range(0, ListChunk).Select(i => string.Create(CultureInfo.InvariantCulture, $"v{i}")).ToArray();

    public async Task<BulkRegistrationResult> RegisterAsync(IReadOnlyList<FileRegistration> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var ingestedAt = UtcMicros.Truncate(DateTimeOffset.UtcNow);
        var first = new Dictionary<string, FileValues>(files.Count, StringComparer.Ordinal);
        var unique = new List<FileValues>(files.Count);
        var duplicates = 0;
        var conflicts = new List<string>();
        foreach (var file in files)
        {
            var values = FileValues.From(file, ingestedAt);
            if (first.TryGetValue(values.Key, out var earlier))
            {
                if (values.SameContentAs(earlier))
                {
                    duplicates++;
                }
                else
                {
                    conflicts.Add(values.Key);
                }
            }
            else
            {
                first.Add(values.Key, values);
                unique.Add(values);
            }
        }

        if (unique.Count == 0)
        {
            return new BulkRegistrationResult(0, duplicates, conflicts);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (registered, knownSame, knownOther) = await TryRegisterManyAsync(unique, cancellationToken);
                return new BulkRegistrationResult(registered, duplicates + knownSame, [.. knownOther, .. conflicts]);
            }
            catch (DbException e) when (attempt < FileRepository.MaxAttempts && database.IsUniqueViolation(e, FileRepository.LatestIndex))
            {
                // A concurrent registration made another version of one of these products latest.
            }
        }
    }

    private async Task<(int Registered, int Duplicates, List<string> Conflicts)> TryRegisterManyAsync(
        List<FileValues> rows, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await FileStaging.LoadAsync(connection, transaction, rows, BatchLatest(rows), cancellationToken);

        // Flag latest versions and insert. An insert that comes up short met keys that were
        // already registered (ON CONFLICT skipped them), before this batch or concurrently: undo
        // back to the savepoint, set those rows aside as duplicates or conflicts, and go again.
        const string savepoint = "insert";
        var known = new List<KnownRow>();
        for (var pass = 1; ; pass++)
        {
            await transaction.SaveAsync(savepoint, cancellationToken);
            var latest = (await connection.QueryAsync<(long Ord, long Latest)>(new CommandDefinition(
                ProbeLatestSql, transaction: transaction, commandTimeout: 0, cancellationToken: cancellationToken))).AsList();
            await ExecuteInChunksAsync(DemoteStagedSql, latest.Where(p => p.Latest < 0).Select(p => p.Ord));
            await ExecuteInChunksAsync(ClearLatestSql, latest.Where(p => p.Latest > 0).Select(p => p.Latest));
            var registered = await connection.ExecuteAsync(new CommandDefinition(
                InsertStagedSql, transaction: transaction, commandTimeout: 0, cancellationToken: cancellationToken));
            if (registered + known.Count == rows.Count)
            {
                await FileStaging.DropAsync(connection, transaction, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                var same = known.Count(k => k.Known == 1);
                return (registered, same, known.Where(k => k.Known == 0).Select(k => k.Key).ToList());
            }

            if (pass == FileRepository.MaxAttempts)
            {
                throw new InvalidOperationException($"Bulk registration kept racing with concurrent registrations of the same keys ({pass} passes).");
            }

            await transaction.RollbackAsync(savepoint, cancellationToken);
            var found = (await connection.QueryAsync<KnownRow>(new CommandDefinition(
                ProbeKnownSql, transaction: transaction, commandTimeout: 0, cancellationToken: cancellationToken))).AsList();
            if (found.Count > 0)
            {
                known.AddRange(found);
                await ExecuteInChunksAsync(UnstageSql, found.Select(p => p.Ord));
                await connection.ExecuteAsync(new CommandDefinition(
                    RestageLatestSql, transaction: transaction, commandTimeout: 0, cancellationToken: cancellationToken));
            }
        }

        async Task ExecuteInChunksAsync(string sqlBeforeList, IEnumerable<long> values)
        {
            foreach (var chunk in values.Chunk(ListChunk))
            {
                var parameters = new DynamicParameters();
                for (var i = 0; i < chunk.Length; i++)
                {
                    parameters.Add(ListParameters[i], chunk[i]);
                }

                var sql = sqlBeforeList + "(@" + string.Join(", @", ListParameters.Take(chunk.Length)) + ")";
                await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
            }
        }
    }

    /// <summary>A staged row whose key is already registered (see ProbeKnownSql).</summary>
    private sealed class KnownRow
    {
        public long Ord { get; set; }

        public string Key { get; set; } = "";

        /// <summary>1: registered with the same content; 0: with other content.</summary>
        public long Known { get; set; }
    }

    /// <summary>For each row, whether it is the highest version of its logical id in the batch (the last one among equals).</summary>
    private static bool[] BatchLatest(List<FileValues> rows)
    {
        var best = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (!best.TryGetValue(row.LogicalId, out var j)
                || (row.VersionMajor, row.VersionMinor).CompareTo((rows[j].VersionMajor, rows[j].VersionMinor)) >= 0)
            {
                best[row.LogicalId] = i;
            }
        }

        var flags = new bool[rows.Count];
        foreach (var i in best.Values)
        {
            flags[i] = true;
        }

        return flags;
    }
}
