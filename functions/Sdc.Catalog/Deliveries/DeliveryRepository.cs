using Dapper;
using Sdc.Catalog.Engines;

namespace Sdc.Catalog.Deliveries;

/// <summary>The <c>deliveries</c>, <c>delivery_files</c> and <c>loose_files</c> tables.</summary>
internal sealed class DeliveryRepository(CatalogDatabase database) : IDeliveryCatalog
{
    private const string InsertDeliverySql = """
        INSERT INTO deliveries (record_name, record_key, created_at, received_at, status)
        VALUES (@RecordName, @RecordKey, @CreatedAt, @ReceivedAt, 'WAITING')
        ON CONFLICT (record_name) DO NOTHING
        RETURNING id
        """;

    private const string InsertFileSql = """
        INSERT INTO delivery_files (delivery_id, name, size_bytes, md5) VALUES (@DeliveryId, @Name, @SizeBytes, @Md5)
        """;

    private const string DeliveryColumns = """
        d.id AS Id, d.record_name AS RecordName, d.record_key AS RecordKey, d.created_at AS CreatedAt,
        d.received_at AS ReceivedAt, d.status AS Status, d.manifest_key AS ManifestKey, d.completed_at AS CompletedAt
        """;

    private const string SelectByNameSql = $"SELECT {DeliveryColumns} FROM deliveries d WHERE d.record_name = @RecordName";

    private const string SelectByIdSql = $"SELECT {DeliveryColumns} FROM deliveries d WHERE d.id = @Id";

    private const string SelectWaitingSql = $"SELECT {DeliveryColumns} FROM deliveries d WHERE d.status = 'WAITING' ORDER BY d.id";

    private const string SelectFilesSql = """
        SELECT delivery_id AS DeliveryId, name AS Name, size_bytes AS SizeBytes, md5 AS Md5, outcome AS Outcome, file_id AS FileId
        FROM delivery_files WHERE delivery_id = @Id ORDER BY name
        """;

    // Newest record first, and among them one that still waits for the file: a resent file
    // after a fixed record is checked against the record that still expects it.
    private const string SelectExpectedSql = """
        SELECT f.delivery_id AS DeliveryId, d.record_name AS RecordName, f.name AS Name, f.size_bytes AS SizeBytes,
               f.md5 AS Md5, f.outcome AS Outcome
        FROM delivery_files f JOIN deliveries d ON d.id = f.delivery_id
        WHERE f.name = @Name
        ORDER BY CASE WHEN f.outcome IS NULL THEN 0 ELSE 1 END, f.delivery_id DESC
        LIMIT 1
        """;

    // A file handled twice at once (its own event and its record's) may end "archived" for one
    // invocation and "duplicate" for the other; the archived outcome wins so the manifest lists it.
    private const string UpdateOutcomeSql = """
        UPDATE delivery_files
        SET outcome = CASE WHEN outcome = 'ARCHIVED' AND @Outcome = 'DUPLICATE' THEN outcome ELSE @Outcome END,
            file_id = CASE WHEN outcome = 'ARCHIVED' AND @Outcome = 'DUPLICATE' THEN file_id ELSE @FileId END
        WHERE delivery_id = @DeliveryId AND name = @Name
        """;

    private const string CountUnsettledSql = "SELECT COUNT(*) FROM delivery_files WHERE delivery_id = @Id AND outcome IS NULL";

    private const string CompleteSql = """
        UPDATE deliveries SET status = 'COMPLETE', manifest_key = @ManifestKey, completed_at = @CompletedAt
        WHERE id = @Id AND status = 'WAITING'
        """;

    private const string InsertLooseSql = """
        INSERT INTO loose_files (file_id, archived_at) VALUES (@FileId, @ArchivedAt) ON CONFLICT (file_id) DO NOTHING
        """;

    private const string SelectLooseSql = "SELECT file_id AS FileId, archived_at AS ArchivedAt FROM loose_files ORDER BY archived_at, file_id";

    private const string DeleteLooseSql = "DELETE FROM loose_files WHERE file_id = @FileId";

    public async Task<Delivery> OpenAsync(DeliveryOpening opening, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opening);
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
            var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(InsertDeliverySql, new
            {
                opening.RecordName,
                opening.RecordKey,
                CreatedAt = UtcMicros.Truncate(opening.CreatedAt),
                ReceivedAt = UtcMicros.Truncate(receivedAt),
            }, transaction, cancellationToken: cancellationToken));
            if (id is { } deliveryId)
            {
                var rows = opening.Files.Select(f => new { DeliveryId = deliveryId, f.Name, f.SizeBytes, Md5 = f.Md5.ToLowerInvariant() }).ToList();
                await connection.ExecuteAsync(new CommandDefinition(InsertFileSql, rows, transaction, cancellationToken: cancellationToken));
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return await FindAsync(opening.RecordName, cancellationToken)
            ?? throw new InvalidOperationException($"Delivery {opening.RecordName} vanished right after it was recorded.");
    }

    public Task<Delivery?> FindAsync(string recordName, CancellationToken cancellationToken) =>
        FindOneAsync(SelectByNameSql, new { RecordName = recordName }, cancellationToken);

    public Task<Delivery?> FindByIdAsync(long id, CancellationToken cancellationToken) =>
        FindOneAsync(SelectByIdSql, new { Id = id }, cancellationToken);

    public async Task<IReadOnlyList<Delivery>> ListWaitingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<DeliveryRow>(new CommandDefinition(SelectWaitingSql, cancellationToken: cancellationToken))).ToList();
        return await WithFilesAsync(connection, rows, cancellationToken);
    }

    public async Task<ExpectedFile?> FindExpectedAsync(string fileName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ExpectedRow>(new CommandDefinition(
            SelectExpectedSql, new { Name = fileName }, cancellationToken: cancellationToken));
        return row is null ? null : new ExpectedFile(row.DeliveryId, row.RecordName, row.Name, row.SizeBytes, row.Md5, DbText.ToDeliveryFileOutcome(row.Outcome));
    }

    public async Task SetOutcomeAsync(long deliveryId, string fileName, DeliveryFileOutcome outcome, long? fileId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(UpdateOutcomeSql, new
        {
            DeliveryId = deliveryId,
            Name = fileName,
            Outcome = DbText.Of(outcome),
            FileId = fileId,
        }, cancellationToken: cancellationToken));
        if (changed == 0)
        {
            throw new InvalidOperationException($"Delivery {deliveryId} does not list '{fileName}'.");
        }
    }

    public async Task<int> CountUnsettledAsync(long deliveryId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountUnsettledSql, new { Id = deliveryId }, cancellationToken: cancellationToken));
    }

    public async Task<bool> CompleteAsync(long deliveryId, string? manifestKey, DateTimeOffset completedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(CompleteSql, new
        {
            Id = deliveryId,
            ManifestKey = manifestKey,
            CompletedAt = UtcMicros.Truncate(completedAt),
        }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task AddLooseAsync(long fileId, DateTimeOffset archivedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertLooseSql, new { FileId = fileId, ArchivedAt = UtcMicros.Truncate(archivedAt) },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<LooseFile>> ListLooseAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long FileId, long ArchivedAt)>(new CommandDefinition(SelectLooseSql, cancellationToken: cancellationToken));
        return rows.Select(r => new LooseFile(r.FileId, UtcMicros.ToDateTimeOffset(r.ArchivedAt))).ToList();
    }

    public async Task RemoveLooseAsync(IReadOnlyList<long> fileIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fileIds);
        if (fileIds.Count == 0)
        {
            return;
        }
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(DeleteLooseSql, fileIds.Select(id => new { FileId = id }).ToList(), transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<Delivery?> FindOneAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<DeliveryRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return row is null ? null : (await WithFilesAsync(connection, [row], cancellationToken))[0];
    }

    private static async Task<IReadOnlyList<Delivery>> WithFilesAsync(System.Data.Common.DbConnection connection, List<DeliveryRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }
        // One query per delivery: few are open at once, and a list parameter is spelt differently
        // on each engine (IN on SQLite, = ANY on PostgreSQL).
        var files = new Dictionary<long, List<FileRow>>();
        foreach (var row in rows)
        {
            files[row.Id] = (await connection.QueryAsync<FileRow>(new CommandDefinition(
                SelectFilesSql, new { row.Id }, cancellationToken: cancellationToken))).ToList();
        }
        return rows.Select(r => new Delivery(
            r.Id, r.RecordName, r.RecordKey, UtcMicros.ToDateTimeOffset(r.CreatedAt), UtcMicros.ToDateTimeOffset(r.ReceivedAt),
            DbText.ToDeliveryStatus(r.Status), r.ManifestKey, UtcMicros.ToDateTimeOffset(r.CompletedAt),
            files[r.Id].Select(f => new DeliveryFile(f.Name, f.SizeBytes, f.Md5, DbText.ToDeliveryFileOutcome(f.Outcome), f.FileId)).ToList())).ToList();
    }

    private sealed class DeliveryRow
    {
        public long Id { get; set; }

        public string RecordName { get; set; } = "";

        public string RecordKey { get; set; } = "";

        public long CreatedAt { get; set; }

        public long ReceivedAt { get; set; }

        public string Status { get; set; } = "";

        public string? ManifestKey { get; set; }

        public long? CompletedAt { get; set; }
    }

    private sealed class FileRow
    {
        public long DeliveryId { get; set; }

        public string Name { get; set; } = "";

        public long SizeBytes { get; set; }

        public string Md5 { get; set; } = "";

        public string? Outcome { get; set; }

        public long? FileId { get; set; }
    }

    private sealed class ExpectedRow
    {
        public long DeliveryId { get; set; }

        public string RecordName { get; set; } = "";

        public string Name { get; set; } = "";

        public long SizeBytes { get; set; }

        public string Md5 { get; set; } = "";

        public string? Outcome { get; set; }
    }
}
