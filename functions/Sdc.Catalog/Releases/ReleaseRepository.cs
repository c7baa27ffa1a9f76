using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using Sdc.Catalog.Engines;
using Sdc.Catalog.Files;

namespace Sdc.Catalog.Releases;

/// <summary>The <c>releases</c> and <c>release_files</c> tables, and the public flags they set on <c>files</c>.</summary>
internal sealed class ReleaseRepository(CatalogDatabase database) : IReleaseCatalog
{
    private const string NumberIndex = "releases_number_uq";

    private const string Columns = """
        id AS Id, number AS Number, name AS Name, cutoff_time AS CutoffTime, notes AS Notes,
        created_at AS CreatedAt, file_count AS FileCount, manifest_key AS ManifestKey
        """;

    private const string NextNumberSql = "SELECT COALESCE(MAX(number), 0) + 1 FROM releases";

    private const string InsertSql = """
        INSERT INTO releases (name, cutoff_time, created_at, number, notes, file_count)
        VALUES (@Name, @Cutoff, @CreatedAt, @Number, @Notes, 0)
        RETURNING id
        """;

    // What a release carries: the latest archived version of each product and quicklook whose
    // data starts before the cutoff. Science, housekeeping, kernels and calibration stay private.
    private const string InsertMembersSql = """
        INSERT INTO release_files (release_id, file_id)
        SELECT @Id, f.id FROM files f
        WHERE f.is_latest AND f.status = 'ARCHIVED' AND f.kind IN ('product', 'quicklook') AND f.start_time < @Cutoff
        """;

    // The older public versions of the products this release carries step back (cleared first:
    // files_public_latest_uq allows one per logical id and is checked row by row).
    private const string ClearPublicLatestSql = """
        UPDATE files SET is_public_latest = FALSE
        WHERE is_public_latest
          AND logical_id IN (SELECT g.logical_id FROM release_files r JOIN files g ON g.id = r.file_id WHERE r.release_id = @Id)
        """;

    private const string SetPublicLatestSql = """
        UPDATE files SET is_public_latest = TRUE, release_id = COALESCE(release_id, @Id)
        WHERE id IN (SELECT file_id FROM release_files WHERE release_id = @Id)
        """;

    private const string CountMembersSql = "SELECT COUNT(*) FROM release_files WHERE release_id = @Id";

    private const string FinishSql = "UPDATE releases SET file_count = @FileCount, manifest_key = @ManifestKey WHERE id = @Id";

    private const string ListSql = $"SELECT {Columns} FROM releases WHERE number IS NOT NULL ORDER BY number DESC";

    private const string FindSql = $"SELECT {Columns} FROM releases WHERE number = @Number";

    private const string FindByIdSql = $"SELECT {Columns} FROM releases WHERE id = @Id";

    private const string ListFilesSql = $"""
        SELECT {FileRow.Columns} FROM release_files r JOIN files f ON f.id = r.file_id
        WHERE r.release_id = @Id ORDER BY f.key
        """;

    public async Task<Release> CreateAsync(
        DateTimeOffset cutoff,
        string? notes,
        DateTimeOffset createdAt,
        Func<Release, IAsyncEnumerable<CatalogFile>, CancellationToken, Task<string>> publishAsync,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publishAsync);
        var cutoffMicros = UtcMicros.From(cutoff, nameof(cutoff));
        var createdMicros = UtcMicros.Truncate(createdAt);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var number = await connection.ExecuteScalarAsync<int>(new CommandDefinition(NextNumberSql, transaction: transaction, cancellationToken: cancellationToken));
        long id;
        try
        {
            id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSql, new
            {
                Name = $"release-{number}",
                Cutoff = cutoffMicros,
                CreatedAt = createdMicros,
                Number = number,
                Notes = notes,
            }, transaction, cancellationToken: cancellationToken));
        }
        catch (DbException e) when (database.IsUniqueViolation(e, NumberIndex))
        {
            throw new InvalidOperationException($"Another release took number {number} at the same time; run the command again.", e);
        }

        var members = new { Id = id, Cutoff = cutoffMicros };
        await connection.ExecuteAsync(new CommandDefinition(InsertMembersSql, members, transaction, commandTimeout: 0, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(ClearPublicLatestSql, members, transaction, commandTimeout: 0, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(SetPublicLatestSql, members, transaction, commandTimeout: 0, cancellationToken: cancellationToken));
        var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountMembersSql, members, transaction, cancellationToken: cancellationToken));

        var release = new Release(id, number, $"release-{number}", UtcMicros.ToDateTimeOffset(cutoffMicros), notes,
            UtcMicros.ToDateTimeOffset(createdMicros), count, null);
        var manifestKey = await publishAsync(release, ReadFilesAsync(connection, transaction, id, cancellationToken), cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(FinishSql, new { Id = id, FileCount = count, ManifestKey = manifestKey },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return release with { ManifestKey = manifestKey };
    }

    public async Task<IReadOnlyList<Release>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ReleaseRow>(new CommandDefinition(ListSql, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToModel()).ToList();
    }

    public async Task<Release?> FindAsync(int number, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ReleaseRow>(new CommandDefinition(FindSql, new { Number = number }, cancellationToken: cancellationToken));
        return row?.ToModel();
    }

    public async Task<Release?> FindByIdAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ReleaseRow>(new CommandDefinition(FindByIdSql, new { Id = id }, cancellationToken: cancellationToken));
        return row?.ToModel();
    }

    public async IAsyncEnumerable<CatalogFile> ListFilesAsync(long releaseId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await foreach (var file in ReadFilesAsync(connection, null, releaseId, cancellationToken))
        {
            yield return file;
        }
    }

    private static async IAsyncEnumerable<CatalogFile> ReadFilesAsync(
        DbConnection connection, DbTransaction? transaction, long releaseId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = connection.QueryUnbufferedAsync<FileRow>(ListFilesSql, new { Id = releaseId }, transaction);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row.ToModel();
        }
    }

    private sealed class ReleaseRow
    {
        public long Id { get; set; }

        public int Number { get; set; }

        public string Name { get; set; } = "";

        public long CutoffTime { get; set; }

        public string? Notes { get; set; }

        public long CreatedAt { get; set; }

        public long? FileCount { get; set; }

        public string? ManifestKey { get; set; }

        public Release ToModel() => new(Id, Number, Name, UtcMicros.ToDateTimeOffset(CutoffTime), Notes,
            UtcMicros.ToDateTimeOffset(CreatedAt), FileCount ?? 0, ManifestKey);
    }
}
