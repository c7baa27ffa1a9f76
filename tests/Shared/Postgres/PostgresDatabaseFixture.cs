using Npgsql;

namespace Sdc.Testing;

/// <summary>
/// A fresh, uniquely named database on the test cluster for one test class, dropped afterwards.
/// Tests then isolate themselves further in a schema each. Compiled into the test projects that
/// need PostgreSQL (their csproj includes Shared/Postgres/*.cs).
/// </summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    public const string Variable = "SDC_TEST_POSTGRES";

    private string? _adminConnectionString;

    public string Name { get; } = "sdc_test_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Connection string to the fresh database (superuser).</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _adminConnectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(_adminConnectionString))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set, so the PostgreSQL catalog tests cannot run. Run ./test.sh, or start the test " +
                "services with `tests/services/start.sh <dir>` and then `source <dir>/env.sh` before `dotnet test`.");
        }

        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{Name}\""; // a name we made: not user input
        await command.ExecuteNonQueryAsync();
        ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = Name }.ConnectionString;
    }

    /// <summary>Creates a new schema in the database and returns a connection string whose search path is that schema.</summary>
    public async Task<string> CreateSchemaAsync()
    {
        var schema = $"t_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE SCHEMA {schema}"; // a name we made: not user input
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (ConnectionString.Length == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}
