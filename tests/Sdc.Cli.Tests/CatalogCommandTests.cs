using Npgsql;

namespace Sdc.Cli.Tests;

public sealed class CatalogCommandTests
{
    [Fact]
    public async Task CatalogMigrate_SqliteTwice_SecondRunAppliesNothing()
    {
        using var dir = new TempDirectory();
        var data = Path.Combine(dir.Path, "data");

        var first = await SdcProcess.RunAsync(dir.Path, null, "catalog", "migrate", "--data", data);
        var second = await SdcProcess.RunAsync(dir.Path, null, "catalog", "migrate", "--data", data);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("Applied", first.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(data, "catalog.db")), "the SQLite catalog lives in the data directory");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("nothing applied", second.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CatalogMigrate_PostgresTwice_SecondRunAppliesNothing()
    {
        var server = Environment.GetEnvironmentVariable("SDC_TEST_POSTGRES")
            ?? throw new InvalidOperationException("SDC_TEST_POSTGRES is not set: run ./test.sh, or tests/services/start.sh <dir> and source <dir>/env.sh");
        var database = "sdc_cli_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var spec = new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = false }.ConnectionString;
        using var dir = new TempDirectory();

        var first = await SdcProcess.RunAsync(dir.Path, null, "catalog", "migrate", "--catalog", spec);
        var second = await SdcProcess.RunAsync(dir.Path, null, "catalog", "migrate", "--catalog", spec);
        var stats = await SdcProcess.RunAsync(dir.Path, null, "catalog", "stats", "--catalog", spec);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("Applied", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("Postgres", first.Stdout, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("nothing applied", second.Stdout, StringComparison.Ordinal);
        Assert.True(stats.ExitCode == 0, stats.ToString());
        Assert.Contains("schema version", stats.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CatalogStats_BeforeMigrate_TellsTheUserToMigrate()
    {
        using var dir = new TempDirectory();

        var result = await SdcProcess.RunAsync(dir.Path, null, "catalog", "stats", "--data", Path.Combine(dir.Path, "d"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("sdc catalog migrate", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataOption_FromEnvironment_KeepsSdcsApart()
    {
        using var dir = new TempDirectory();
        var a = Path.Combine(dir.Path, "a");

        var result = await SdcProcess.RunAsync(dir.Path, new Dictionary<string, string> { ["SDC_DATA"] = a }, "catalog", "migrate");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(a, "catalog.db")));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, ".sdc")));
    }
}
