using System.Text;
using System.Text.Json;
using Sdc.Catalog;

namespace Sdc.Functions.Tests;

/// <summary>The catalog migrations as the deployment's custom resource runs them, on an empty SQLite catalog.</summary>
public sealed class MigrationFunctionTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"sdc-migration-{Guid.NewGuid():N}");
    private ICatalog? _catalog;

    private ICatalog Catalog => _catalog ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync() => _catalog = await CatalogFactory.OpenAsync(Path.Combine(_folder, "catalog.db"), CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (_catalog is not null)
        {
            await _catalog.DisposeAsync();
        }
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Create_EmptyCatalog_AppliesEveryMigrationAndReportsTheSchemaVersion()
    {
        var response = await InvokeAsync("""{"RequestType":"Create","ResourceProperties":{"MigrationsChecksum":"abc"}}""");

        Assert.Equal(MigrationFunction.PhysicalResourceId, response.GetProperty("PhysicalResourceId").GetString());
        var applied = response.GetProperty("Data").GetProperty("Applied").GetString()!.Split(',');
        Assert.Equal((await Catalog.GetAppliedMigrationsAsync(CancellationToken.None)).Select(m => $"{m.Version:D4}_{m.Name}"), applied);
        Assert.Contains("0001_core", applied);
        Assert.Equal((await Catalog.GetStatsAsync(CancellationToken.None)).SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            response.GetProperty("Data").GetProperty("SchemaVersion").GetString());
    }

    [Fact]
    public async Task Update_CurrentSchema_AppliesNothing()
    {
        await InvokeAsync("""{"RequestType":"Create"}""");

        var response = await InvokeAsync("""{"RequestType":"Update","OldResourceProperties":{}}""");

        Assert.Equal("", response.GetProperty("Data").GetProperty("Applied").GetString());
    }

    [Fact]
    public async Task Delete_LeavesTheCatalogAlone()
    {
        await InvokeAsync("""{"RequestType":"Create"}""");
        var before = await Catalog.GetAppliedMigrationsAsync(CancellationToken.None);

        var response = await InvokeAsync("""{"RequestType":"Delete","PhysicalResourceId":"sdc-catalog-schema"}""");

        Assert.Equal(MigrationFunction.PhysicalResourceId, response.GetProperty("PhysicalResourceId").GetString());
        Assert.Equal(before.Select(m => m.Version), (await Catalog.GetAppliedMigrationsAsync(CancellationToken.None)).Select(m => m.Version));
    }

    [Theory]
    [InlineData("""{"ResourceProperties":{}}""", "no RequestType")]
    [InlineData("""{"RequestType":"Replace"}""", "'Replace'; expected Create, Update or Delete")]
    public async Task HandleAsync_NotACustomResourceEvent_SaysWhatWasExpected(string json, string message)
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => InvokeAsync(json));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(await Catalog.GetAppliedMigrationsAsync(CancellationToken.None));
    }

    private async Task<JsonElement> InvokeAsync(string json)
    {
        using var output = await new MigrationFunction(Catalog).HandleAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
