using Sdc.Catalog.Engines;

namespace Sdc.Catalog;

/// <summary>Opens a catalog from the one string that names it (<c>--catalog</c>, <c>SDC_CATALOG</c>).</summary>
public static class CatalogFactory
{
    /// <summary>
    /// Opens the catalog named by <paramref name="spec"/>:
    /// <list type="bullet">
    /// <item><c>postgres://user:password@host:port/db</c> or <c>postgresql://...</c> (libpq-style query
    /// parameters such as <c>sslmode</c> are passed on);</item>
    /// <item>an Npgsql connection string, <c>Host=...;Database=...</c>;</item>
    /// <item>anything else is a SQLite file path, created (with its folder) if missing, in WAL mode.</item>
    /// </list>
    /// The schema is not touched: call <see cref="ICatalog.MigrateAsync"/>. Open one catalog per
    /// process and dispose it on exit.
    /// </summary>
    public static async Task<ICatalog> OpenAsync(string spec, CancellationToken cancellationToken)
    {
        var parsed = CatalogSpec.Parse(spec);
        CatalogDatabase database = parsed.Engine switch
        {
            CatalogEngine.Postgres => PostgresCatalogDatabase.Create(parsed.Target),
            _ => await SqliteCatalogDatabase.OpenAsync(parsed.Target, cancellationToken),
        };
        return new Catalog(database);
    }
}
