using System.Data.Common;
using Dapper;
using Sdc.Catalog.Engines;

namespace Sdc.Catalog.Migrations;

/// <summary>
/// Applies the embedded migrations in order and records them in <c>schema_migrations</c>. Each
/// migration runs in its own transaction together with its record (DDL is transactional on
/// both engines), so a failure leaves the schema at the previous version.
/// </summary>
internal sealed class CatalogMigrator(CatalogDatabase database)
{
    private const string CreateTableSql = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER NOT NULL PRIMARY KEY,
            name       TEXT NOT NULL,
            applied_at BIGINT NOT NULL,
            checksum   TEXT NOT NULL
        )
        """;

    private const string SelectAppliedSql = """
        SELECT version AS Version, name AS Name, applied_at AS AppliedAt, checksum AS Checksum
        FROM schema_migrations ORDER BY version
        """;

    private const string InsertAppliedSql = """
        INSERT INTO schema_migrations (version, name, applied_at, checksum)
        VALUES (@Version, @Name, @AppliedAt, @Checksum)
        """;

    // Engine catalogs differ; these only tell whether the table exists yet (a fresh database).
    private const string SqliteTableExistsSql =
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";

    private const string PostgresTableExistsSql =
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'";

    // PostgreSQL: a transaction-scoped advisory lock serialises concurrent migrators (SQLite's
    // BEGIN IMMEDIATE already does). The key is an arbitrary constant: "SDCMIGRT" in ASCII.
    private const string PostgresLockSql = "SELECT pg_advisory_xact_lock(6000503536718792532)";

    public async Task<IReadOnlyList<AppliedMigration>> MigrateAsync(CancellationToken cancellationToken)
    {
        var scripts = MigrationScript.For(database.Engine);
        var applied = new List<AppliedMigration>();
        while (await ApplyNextAsync(scripts, cancellationToken) is { } migration)
        {
            applied.Add(migration);
        }

        return applied;
    }

    public async Task<IReadOnlyList<AppliedMigration>> GetAppliedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var existsSql = database.Engine == CatalogEngine.Sqlite ? SqliteTableExistsSql : PostgresTableExistsSql;
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(existsSql, cancellationToken: cancellationToken)) == 0)
        {
            return [];
        }

        return await SelectAppliedAsync(connection, null, cancellationToken);
    }

    /// <summary>Applies the first missing migration, or returns null when there is none.</summary>
    private async Task<AppliedMigration?> ApplyNextAsync(IReadOnlyList<MigrationScript> scripts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        if (database.Engine == CatalogEngine.Postgres)
        {
            await connection.ExecuteAsync(new CommandDefinition(PostgresLockSql, transaction: transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(CreateTableSql, transaction: transaction, cancellationToken: cancellationToken));
        var done = await SelectAppliedAsync(connection, transaction, cancellationToken);
        Verify(done, scripts);
        var next = scripts.FirstOrDefault(s => done.All(d => d.Version != s.Version));
        if (next is null)
        {
            await transaction.CommitAsync(cancellationToken);
            return null;
        }

        await connection.ExecuteAsync(new CommandDefinition(next.Sql, transaction: transaction, cancellationToken: cancellationToken));
        var record = new AppliedMigration(next.Version, next.Name, UtcMicros.ToDateTimeOffset(UtcMicros.Truncate(DateTimeOffset.UtcNow)), next.Checksum);
        await connection.ExecuteAsync(new CommandDefinition(
            InsertAppliedSql,
            new { record.Version, record.Name, AppliedAt = UtcMicros.Truncate(record.AppliedAt), record.Checksum },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return record;
    }

    private static async Task<IReadOnlyList<AppliedMigration>> SelectAppliedAsync(
        DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(long Version, string Name, long AppliedAt, string Checksum)>(
            new CommandDefinition(SelectAppliedSql, transaction: transaction, cancellationToken: cancellationToken));
        return rows.Select(r => new AppliedMigration((int)r.Version, r.Name, UtcMicros.ToDateTimeOffset(r.AppliedAt), r.Checksum)).ToList();
    }

    /// <summary>An applied script must never change, and the database must not be ahead of this build.</summary>
    private static void Verify(IReadOnlyList<AppliedMigration> done, IReadOnlyList<MigrationScript> scripts)
    {
        foreach (var migration in done)
        {
            var script = scripts.FirstOrDefault(s => s.Version == migration.Version)
                ?? throw new InvalidOperationException(
                    $"The catalog has migration {migration.Version:0000} ({migration.Name}), which this build does not know: it is newer than this code.");
            if (script.Checksum != migration.Checksum)
            {
                throw new InvalidOperationException(
                    $"Migration {migration.Version:0000} ({migration.Name}) was applied with checksum {migration.Checksum}, but this build's script has {script.Checksum}. " +
                    "Applied migrations must not be edited; add a new migration instead.");
            }
        }
    }
}
