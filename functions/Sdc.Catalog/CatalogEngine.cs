namespace Sdc.Catalog;

/// <summary>The database engine behind a catalog.</summary>
public enum CatalogEngine
{
    /// <summary>An embedded SQLite file (local runtime, tests, small deployments).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (RDS on AWS).</summary>
    Postgres,
}
