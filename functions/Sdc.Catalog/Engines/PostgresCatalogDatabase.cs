using System.Data.Common;
using Npgsql;

namespace Sdc.Catalog.Engines;

/// <summary>A PostgreSQL catalog behind the process's single <see cref="NpgsqlDataSource"/>.</summary>
internal sealed class PostgresCatalogDatabase(NpgsqlDataSource dataSource) : CatalogDatabase
{
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
