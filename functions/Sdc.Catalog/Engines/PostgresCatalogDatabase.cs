using System.Data.Common;
using Npgsql;

namespace Sdc.Catalog.Engines;

/// <summary>A PostgreSQL catalog behind the process's single <see cref="NpgsqlDataSource"/>.</summary>
internal sealed class PostgresCatalogDatabase(NpgsqlDataSource dataSource) : CatalogDatabase
{
    // Statements run often enough (5 times on a connection) are prepared, so PostgreSQL stops
    // planning every search again: a quarter less of its CPU per search under ./bench/api. The
    // catalog's statements are a few dozen shapes (search filters combine), so 64 holds the hot
    // ones. A connection string with its own Max Auto Prepare keeps it.
    private const int AutoPreparedStatements = 64;

    /// <summary>Opens the data source for <paramref name="connectionString"/>, with statement preparation on unless it says otherwise.</summary>
    public static PostgresCatalogDatabase Create(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = AutoPreparedStatements;
        }
        return new PostgresCatalogDatabase(NpgsqlDataSource.Create(settings));
    }

    public override CatalogEngine Engine => CatalogEngine.Postgres;

    public override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    public override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    public override bool IsUniqueViolation(Exception exception, string indexName) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres
        && postgres.ConstraintName == indexName;

    public override ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
