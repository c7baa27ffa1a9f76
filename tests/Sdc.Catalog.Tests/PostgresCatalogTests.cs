using Sdc.Testing;
using System.Text.RegularExpressions;
using Npgsql;

namespace Sdc.Catalog.Tests;

/// <summary>The catalog suite on PostgreSQL: one database per class, one new schema per catalog.</summary>
public sealed class PostgresCatalogTests(PostgresDatabaseFixture database) : CatalogTests, IClassFixture<PostgresDatabaseFixture>
{
    private readonly List<string> _schemas = [];

    protected override async Task<ICatalog> OpenEmptyCatalogAsync()
    {
        var schema = $"t_{Guid.NewGuid():N}";
        _schemas.Add(schema);
        await ExecuteAsync(database.ConnectionString, $"CREATE SCHEMA {schema}");
        return await CatalogFactory.OpenAsync(SchemaConnectionString(schema), Ct);
    }

    protected override Task ExecuteSqlAsync(string sql) => ExecuteAsync(SchemaConnectionString(_schemas[0]), sql);

    // PostgreSQL's EXPLAIN: short files by an index range bounded on both sides of start_time,
    // long files by their partial index, and no sequential scan of files.
    protected override void AssertTimeIndexPlan(IReadOnlyList<string> plan)
    {
        var text = string.Join(Environment.NewLine, plan);
        Assert.True(
            Regex.IsMatch(text, @"Index Scan (on|using) files_(instrument_level_)?start_ix.*\n\s*Index Cond: .*\(start_time >= '\d+'::bigint\) AND \(start_time < '\d+'::bigint\)"),
            "short files not searched by a bounded start_time range:\n" + text);
        Assert.True(
            Regex.IsMatch(text, @"Index Scan (on|using) files_long_filtered_ix.*\n\s*Index Cond: \(\(end_time > '\d+'::bigint\)"),
            "long files not searched by their index:\n" + text);
        Assert.False(text.Contains("Seq Scan on files", StringComparison.Ordinal), "full scan of files:\n" + text);
    }

    [Fact]
    public async Task OpenAsync_PostgresUrl_ReachesSameDatabase()
    {
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var url = $"postgresql://{Uri.EscapeDataString(builder.Username!)}@{builder.Host}:{builder.Port}/{builder.Database}" +
                  $"?options={Uri.EscapeDataString($"-c search_path={_schemas[0]}")}";
        var key = (await Catalog.Files.RegisterAsync(TestFiles.Product(), Ct)).File.Key;

        await using var viaUrl = await CatalogFactory.OpenAsync(url, Ct);

        Assert.Equal(CatalogEngine.Postgres, viaUrl.Engine);
        Assert.Empty(await viaUrl.MigrateAsync(Ct));
        Assert.NotNull(await viaUrl.Files.FindByKeyAsync(key, Ct));
    }

    [Fact]
    public async Task MigrateAsync_ConcurrentRuns_ApplyEachMigrationOnce()
    {
        await using var first = await OpenEmptyCatalogAsync();
        await using var second = await CatalogFactory.OpenAsync(SchemaConnectionString(_schemas[^1]), Ct);

        var results = await Task.WhenAll(first.MigrateAsync(Ct), second.MigrateAsync(Ct));

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], results.SelectMany(r => r).Select(m => m.Version).Order());
    }

    private string SchemaConnectionString(string schema) =>
        new NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = schema }.ConnectionString;

    private async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
