using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Sdc.Catalog.Tests;

/// <summary>The catalog suite on an embedded SQLite file (one new file per test).</summary>
public sealed class SqliteCatalogTests : CatalogTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sdc-catalog-tests-").FullName;
    private readonly List<string> _paths = [];

    protected override async Task<ICatalog> OpenEmptyCatalogAsync()
    {
        var path = Path.Combine(_folder, $"catalog-{_paths.Count}", "catalog.db");
        _paths.Add(path);
        return await CatalogFactory.OpenAsync(path, Ct);
    }

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_paths[0]};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    // SQLite's EXPLAIN QUERY PLAN: short files by a range on start_time (lower and upper bound)
    // of one of the start-time indexes, long files by their partial index, and files never
    // scanned ("SCAN f").
    protected override void AssertTimeIndexPlan(IReadOnlyList<string> plan)
    {
        var text = string.Join(Environment.NewLine, plan);
        Assert.True(
            plan.Any(line => Regex.IsMatch(line, @"^SEARCH f USING (COVERING )?INDEX files_(instrument_level_)?start_ix \(.*start_time>\? AND start_time<\?\)")),
            "short files not searched by a bounded start_time range:\n" + text);
        Assert.True(plan.Any(line => line.StartsWith("SEARCH f USING INDEX files_long_filtered_ix (end_time>?", StringComparison.Ordinal)), "long files not searched by their index:\n" + text);
        Assert.False(plan.Any(line => line.StartsWith("SCAN f", StringComparison.Ordinal)), "full scan of files:\n" + text);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task OpenAsync_MissingFileAndFolder_CreatesThemInWalMode()
    {
        var path = Path.Combine(_folder, "new", "nested", "sdc.db");

        await using (var catalog = await CatalogFactory.OpenAsync(path, Ct))
        {
            Assert.Equal(CatalogEngine.Sqlite, catalog.Engine);
        }

        Assert.True(File.Exists(path));
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task BundledSqlite_AtRuntime_HasRtreeAndRowValues()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version(), sqlite_compileoption_used('ENABLE_RTREE'), (1, 2) < (1, 3)";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));

        // RETURNING needs 3.35; the search's row-value comparison 3.15; the R*Tree module the time index.
        Assert.True(Version.Parse(reader.GetString(0)) >= new Version(3, 35), reader.GetString(0));
        Assert.Equal(1, reader.GetInt64(1));
        Assert.Equal(1, reader.GetInt64(2));
    }
}
