using Sdc.Ingest.Tests.Support;
using Sdc.Testing;

namespace Sdc.Ingest.Tests;

public sealed class FileSystemSqliteIngestTests : IngestScenarioTests
{
    protected override Task<IngestWorld> CreateWorldAsync(IngestOptions? options = null) => IngestWorld.CreateAsync(Backend.FileSystemSqlite, null, options);
}

public sealed class FileSystemPostgresIngestTests(PostgresDatabaseFixture postgres) : IngestScenarioTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override Task<IngestWorld> CreateWorldAsync(IngestOptions? options = null) => IngestWorld.CreateAsync(Backend.FileSystemPostgres, postgres, options);
}

public sealed class S3SqliteIngestTests : IngestScenarioTests
{
    protected override Task<IngestWorld> CreateWorldAsync(IngestOptions? options = null) => IngestWorld.CreateAsync(Backend.S3Sqlite, null, options);
}
