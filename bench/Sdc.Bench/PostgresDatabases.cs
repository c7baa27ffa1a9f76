using Npgsql;

namespace Sdc.Bench;

/// <summary>
/// Creates and drops benchmark databases on a PostgreSQL server, given an Npgsql connection string
/// whose user may CREATE DATABASE (the test cluster's superuser may).
/// </summary>
internal static class PostgresDatabases
{
    /// <summary>A fresh database name: <c>sdc_bench_</c> and random hex, safe to put into DDL unquoted.</summary>
    public static string NewName() => $"sdc_bench_{Guid.NewGuid():N}"[..22];

    /// <summary>Creates database <paramref name="name"/> and returns the connection string for it.</summary>
    public static async Task<string> CreateAsync(string adminConnectionString, string name, CancellationToken cancellationToken)
    {
        ValidateName(name);
        var admin = Admin(adminConnectionString);
        await ExecuteAsync(admin.ConnectionString, $"CREATE DATABASE {name}", cancellationToken);
        return new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name }.ConnectionString;
    }

    public static async Task DropAsync(string adminConnectionString, string name, CancellationToken cancellationToken)
    {
        ValidateName(name);
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(Admin(adminConnectionString).ConnectionString, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", cancellationToken);
    }

    /// <summary>
    /// VACUUM of the whole database: what autovacuum would otherwise do a minute after a bulk load,
    /// in the middle of whatever is measured next (and it sets the visibility map that index-only scans use).
    /// </summary>
    public static Task VacuumAsync(string connectionString, CancellationToken cancellationToken) =>
        ExecuteAsync(connectionString, "VACUUM", cancellationToken);

    private static NpgsqlConnectionStringBuilder Admin(string connectionString) =>
        connectionString.Contains("://", StringComparison.Ordinal)
            ? throw new ArgumentException("PostgreSQL must be named by an Npgsql connection string (Host=...), as SDC_TEST_POSTGRES is.")
            : new NpgsqlConnectionStringBuilder(connectionString);

    // Names go into DDL, which takes no parameters: only what NewName makes (or a name as plain) passes.
    private static void ValidateName(string name)
    {
        if (name.Length is 0 or > 63 || !name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_') || char.IsDigit(name[0]))
        {
            throw new ArgumentException($"'{name}' is not a plain database name (lower-case letters, digits, underscores).");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0; // VACUUM of a big table may outlast the default 30 s on a busy machine
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
