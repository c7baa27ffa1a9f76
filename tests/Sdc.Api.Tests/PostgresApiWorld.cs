using Sdc.Testing;

namespace Sdc.Api.Tests;

/// <summary>The same seeded SDC with its catalog on PostgreSQL (a fresh schema of a throwaway database), as deployed SDCs run.</summary>
public sealed class PostgresApiWorld : ApiWorld
{
    private readonly PostgresDatabaseFixture _database = new();

    protected override async Task<string> CatalogSpecAsync(string root)
    {
        await _database.InitializeAsync();
        return await _database.CreateSchemaAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
