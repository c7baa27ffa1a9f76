namespace Sdc.Ingest.Tests.Support;

/// <summary>The object store and catalog engine a scenario runs on.</summary>
public enum Backend
{
    FileSystemSqlite,
    FileSystemPostgres,
    S3Sqlite,
}
