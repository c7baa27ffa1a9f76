using System.Data;
using Dapper;
using Sdc.Catalog.Deliveries;
using Sdc.Catalog.Engines;
using Sdc.Catalog.Jobs;
using Sdc.Catalog.Files;
using Sdc.Catalog.Lineage;
using Sdc.Catalog.Migrations;
using Sdc.Catalog.Problems;
using Sdc.Catalog.Releases;
using Sdc.Catalog.Users;

namespace Sdc.Catalog;

/// <summary>The catalog on one engine: its repositories over one shared connection source.</summary>
internal sealed class Catalog : ICatalog
{
    // The same statement on both engines: gathers statistics for every table and index. (Its
    // CommandType is set explicitly: Dapper takes a one-word command for a stored procedure.)
    private const string AnalyzeSql = "ANALYZE";

    private readonly CatalogDatabase _database;
    private readonly FileRepository _files;
    private readonly CatalogMigrator _migrator;

    public Catalog(CatalogDatabase database)
    {
        _database = database;
        _files = new FileRepository(database);
        _migrator = new CatalogMigrator(database);
        Lineage = new LineageRepository(database);
        Users = new UserRepository(database);
        Deliveries = new DeliveryRepository(database);
        Problems = new FileProblemRepository(database);
        Jobs = new JobRepository(database);
        Releases = new ReleaseRepository(database);
    }

    public CatalogEngine Engine => _database.Engine;

    public IFileCatalog Files => _files;

    public ILineageCatalog Lineage { get; }

    public IUserCatalog Users { get; }

    public IDeliveryCatalog Deliveries { get; }

    public IFileProblemCatalog Problems { get; }

    public IJobCatalog Jobs { get; }

    public IReleaseCatalog Releases { get; }

    public Task<IReadOnlyList<AppliedMigration>> MigrateAsync(CancellationToken cancellationToken) =>
        _migrator.MigrateAsync(cancellationToken);

    public Task<IReadOnlyList<AppliedMigration>> GetAppliedMigrationsAsync(CancellationToken cancellationToken) =>
        _migrator.GetAppliedAsync(cancellationToken);

    public async Task<CatalogStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        var migrations = await _migrator.GetAppliedAsync(cancellationToken);
        var version = migrations.Count == 0 ? 0 : migrations[^1].Version;
        var volumes = version == 0 ? [] : await _files.GetVolumesAsync(cancellationToken);
        return new CatalogStats(Engine, version, volumes);
    }

    public async Task OptimizeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            AnalyzeSql, commandTimeout: 0, commandType: CommandType.Text, cancellationToken: cancellationToken));
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
