using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Sdc.Catalog.Files;

/// <summary>
/// The per-transaction <c>files_staging</c> temp table that bulk registration loads first, so
/// that settling latest versions and inserting are a few set-based statements shared by both
/// engines. Only the load differs: binary COPY on PostgreSQL, one prepared insert per row on
/// SQLite (in-process, so a statement per row costs microseconds).
/// </summary>
internal static class FileStaging
{
    private const string Columns = """
        ord, bucket, key, kind, instrument, level, descriptor, start_time, end_time, orbit, logical_id,
        version_major, version_minor, size_bytes, md5, sha256, status, ingested_at, job_id, release_id,
        batch_latest
        """;

    // The same columns as files (types and collations too, so that joins compare like with like),
    // plus the row's position in the batch and whether it is the batch's highest version of its
    // logical id. Temp tables vanish with the connection; PostgreSQL drops this one at commit,
    // SQLite has no ON COMMIT clause, so the caller drops it before committing (a rollback
    // undoes the CREATE on both engines).
    private const string CreatePostgresSql = """
        CREATE TEMP TABLE files_staging (
            ord           BIGINT NOT NULL,
            bucket        TEXT NOT NULL,
            key           TEXT COLLATE "C" NOT NULL,
            kind          TEXT NOT NULL,
            instrument    TEXT COLLATE "C",
            level         TEXT COLLATE "C",
            descriptor    TEXT COLLATE "C",
            start_time    BIGINT,
            end_time      BIGINT,
            orbit         INTEGER,
            logical_id    TEXT COLLATE "C" NOT NULL,
            version_major INTEGER NOT NULL,
            version_minor INTEGER NOT NULL,
            size_bytes    BIGINT NOT NULL,
            md5           BYTEA NOT NULL,
            sha256        BYTEA NOT NULL,
            status        TEXT NOT NULL,
            ingested_at   BIGINT NOT NULL,
            job_id        BIGINT,
            release_id    BIGINT,
            batch_latest  BOOLEAN NOT NULL
        ) ON COMMIT DROP
        """;

    private const string CreateSqliteSql = """
        CREATE TEMP TABLE files_staging (
            ord           BIGINT NOT NULL,
            bucket        TEXT NOT NULL,
            key           TEXT NOT NULL,
            kind          TEXT NOT NULL,
            instrument    TEXT,
            level         TEXT,
            descriptor    TEXT,
            start_time    BIGINT,
            end_time      BIGINT,
            orbit         INTEGER,
            logical_id    TEXT NOT NULL,
            version_major INTEGER NOT NULL,
            version_minor INTEGER NOT NULL,
            size_bytes    BIGINT NOT NULL,
            md5           BLOB NOT NULL,
            sha256        BLOB NOT NULL,
            status        TEXT NOT NULL,
            ingested_at   BIGINT NOT NULL,
            job_id        BIGINT,
            release_id    BIGINT,
            batch_latest  BOOLEAN NOT NULL
        )
        """;

    // Enough memory for the batch's sorts and hashes (default 4MB spills a 50,000-row batch to disk).
    private const string TunePostgresSql = "SET LOCAL work_mem = '64MB'";

    private const string CopyPostgresSql = $"COPY files_staging ({Columns}) FROM STDIN (FORMAT BINARY)";

    private const string InsertSqliteSql = $"""
        INSERT INTO files_staging ({Columns})
        VALUES ($ord, $bucket, $key, $kind, $instrument, $level, $descriptor, $start_time, $end_time, $orbit,
                $logical_id, $version_major, $version_minor, $size_bytes, $md5, $sha256, $status, $ingested_at,
                $job_id, $release_id, $batch_latest)
        """;

    private const string DropSqliteSql = "DROP TABLE temp.files_staging";

    /// <summary>
    /// Creates the staging table in <paramref name="transaction"/> and loads <paramref name="rows"/>
    /// into it, with <paramref name="batchLatest"/> as each row's <c>batch_latest</c> flag.
    /// </summary>
    public static async Task LoadAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<FileValues> rows, bool[] batchLatest, CancellationToken cancellationToken)
    {
        switch (connection)
        {
            case NpgsqlConnection postgres:
                await postgres.ExecuteAsync(new CommandDefinition(TunePostgresSql, transaction: transaction, cancellationToken: cancellationToken));
                await postgres.ExecuteAsync(new CommandDefinition(CreatePostgresSql, transaction: transaction, cancellationToken: cancellationToken));
                await CopyAsync(postgres, rows, batchLatest, cancellationToken);
                break;
            case SqliteConnection sqlite:
                await sqlite.ExecuteAsync(new CommandDefinition(CreateSqliteSql, transaction: transaction, cancellationToken: cancellationToken));
                await InsertAsync(sqlite, (SqliteTransaction)transaction, rows, batchLatest, cancellationToken);
                break;
            default:
                throw new NotSupportedException($"No staging load for {connection.GetType().Name}.");
        }
    }

    /// <summary>Drops the staging table before commit where the engine does not do it itself.</summary>
    public static async Task DropAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (connection is SqliteConnection)
        {
            await connection.ExecuteAsync(new CommandDefinition(DropSqliteSql, transaction: transaction, cancellationToken: cancellationToken));
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<FileValues> rows, bool[] batchLatest, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(CopyPostgresSql, cancellationToken);
        for (var ord = 0; ord < rows.Count; ord++)
        {
            var row = rows[ord];
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync((long)ord, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(row.Bucket, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.Key, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.Kind, NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(importer, row.Instrument, NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(importer, row.Level, NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(importer, row.Descriptor, NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(importer, row.StartTime, NpgsqlDbType.Bigint, cancellationToken);
            await WriteAsync(importer, row.EndTime, NpgsqlDbType.Bigint, cancellationToken);
            await WriteAsync(importer, row.Orbit, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(row.LogicalId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.VersionMajor, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(row.VersionMinor, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(row.SizeBytes, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(row.Md5, NpgsqlDbType.Bytea, cancellationToken);
            await importer.WriteAsync(row.Sha256, NpgsqlDbType.Bytea, cancellationToken);
            await importer.WriteAsync(row.Status, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.IngestedAt, NpgsqlDbType.Bigint, cancellationToken);
            await WriteAsync(importer, row.JobId, NpgsqlDbType.Bigint, cancellationToken);
            await WriteAsync(importer, row.ReleaseId, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(batchLatest[ord], NpgsqlDbType.Boolean, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, type, cancellationToken);

    private static Task WriteAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } v ? importer.WriteAsync(v, type, cancellationToken) : importer.WriteNullAsync(cancellationToken);

    private static async Task InsertAsync(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<FileValues> rows, bool[] batchLatest, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = InsertSqliteSql;
        var p = command.Parameters;
        var ord = p.Add("$ord", SqliteType.Integer);
        var bucket = p.Add("$bucket", SqliteType.Text);
        var key = p.Add("$key", SqliteType.Text);
        var kind = p.Add("$kind", SqliteType.Text);
        var instrument = p.Add("$instrument", SqliteType.Text);
        var level = p.Add("$level", SqliteType.Text);
        var descriptor = p.Add("$descriptor", SqliteType.Text);
        var start = p.Add("$start_time", SqliteType.Integer);
        var end = p.Add("$end_time", SqliteType.Integer);
        var orbit = p.Add("$orbit", SqliteType.Integer);
        var logicalId = p.Add("$logical_id", SqliteType.Text);
        var major = p.Add("$version_major", SqliteType.Integer);
        var minor = p.Add("$version_minor", SqliteType.Integer);
        var size = p.Add("$size_bytes", SqliteType.Integer);
        var md5 = p.Add("$md5", SqliteType.Blob);
        var sha256 = p.Add("$sha256", SqliteType.Blob);
        var status = p.Add("$status", SqliteType.Text);
        var ingestedAt = p.Add("$ingested_at", SqliteType.Integer);
        var jobId = p.Add("$job_id", SqliteType.Integer);
        var releaseId = p.Add("$release_id", SqliteType.Integer);
        var latest = p.Add("$batch_latest", SqliteType.Integer);
        command.Prepare();

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            ord.Value = (long)i;
            bucket.Value = row.Bucket;
            key.Value = row.Key;
            kind.Value = row.Kind;
            instrument.Value = (object?)row.Instrument ?? DBNull.Value;
            level.Value = (object?)row.Level ?? DBNull.Value;
            descriptor.Value = (object?)row.Descriptor ?? DBNull.Value;
            start.Value = (object?)row.StartTime ?? DBNull.Value;
            end.Value = (object?)row.EndTime ?? DBNull.Value;
            orbit.Value = (object?)row.Orbit ?? DBNull.Value;
            logicalId.Value = row.LogicalId;
            major.Value = row.VersionMajor;
            minor.Value = row.VersionMinor;
            size.Value = row.SizeBytes;
            md5.Value = row.Md5;
            sha256.Value = row.Sha256;
            status.Value = row.Status;
            ingestedAt.Value = row.IngestedAt;
            jobId.Value = (object?)row.JobId ?? DBNull.Value;
            releaseId.Value = (object?)row.ReleaseId ?? DBNull.Value;
            latest.Value = batchLatest[i];
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
