using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Sdc.Catalog.Engines;

/// <summary>An embedded SQLite catalog file in WAL mode (readers never block the writer).</summary>
internal sealed class SqliteCatalogDatabase : CatalogDatabase
{
    // Per connection (pooled connections keep them; setting them again is free):
    // * synchronous=NORMAL is what SQLite recommends with WAL: a commit survives a crash of the
    //   process; only a power loss may lose the last transactions, never corrupt the file;
    // * a 64 MiB page cache instead of 2 MiB, and reads through a memory map, keep the indexes of
    //   a million-file catalog in memory rather than re-read through system calls;
    // * bulk registration's staging table lives in memory, not in a temporary file.
    private const string ConnectionPragmas = """
        PRAGMA synchronous = NORMAL;
        PRAGMA cache_size = -65536;
        PRAGMA mmap_size = 1073741824;
        PRAGMA temp_store = MEMORY;
        """;

    private readonly string _connectionString;

    private SqliteCatalogDatabase(string connectionString, string path)
    {
        _connectionString = connectionString;
        Path = path;
    }

    public override CatalogEngine Engine => CatalogEngine.Sqlite;

    public string Path { get; }

    /// <summary>Creates the file (and its folder) if missing and switches it to WAL mode.</summary>
    public static async Task<SqliteCatalogDatabase> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
            // Seconds a command waits for another writer's lock before failing with SQLITE_BUSY.
            DefaultTimeout = 30,
        }.ToString();

        var database = new SqliteCatalogDatabase(connectionString, fullPath);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var mode = await connection.ExecuteScalarAsync<string>(
            new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: cancellationToken));
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite catalog {fullPath} could not switch to WAL mode (journal_mode is {mode}).");
        }

        return database;
    }

    public override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = ConnectionPragmas;
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // BEGIN IMMEDIATE (deferred: false). Microsoft.Data.Sqlite has no asynchronous variant taking
    // the flag, and its asynchronous methods run synchronously anyway.
    public override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    // Writers are serialised by BEGIN IMMEDIATE, so the races the repositories retry on cannot
    // happen here; a unique violation is a real error.
    public override bool IsUniqueViolation(Exception exception, string indexName) => false;

    public override ValueTask DisposeAsync()
    {
        // Release pooled handles so the file can be moved or deleted once the catalog is closed.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
