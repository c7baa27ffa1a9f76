namespace Sdc.Cli;

/// <summary>Which catalog a command uses: --catalog, else SDC_CATALOG, else the SQLite file in the data directory.</summary>
internal static class CatalogLocation
{
    public static string Resolve(string? option, DataDirectory data)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return option;
        }
        if (Environment.GetEnvironmentVariable("SDC_CATALOG") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }
        data.Create();
        return data.SqliteCatalog;
    }

    /// <summary>Opens the catalog a command uses and brings its schema up to date (closing it again if that fails).</summary>
    public static async Task<Sdc.Catalog.ICatalog> OpenMigratedAsync(string? option, DataDirectory data, CancellationToken cancellationToken)
    {
        var catalog = await Sdc.Catalog.CatalogFactory.OpenAsync(Resolve(option, data), cancellationToken);
        try
        {
            await catalog.MigrateAsync(cancellationToken);
            return catalog;
        }
        catch
        {
            await catalog.DisposeAsync();
            throw;
        }
    }

    /// <summary>The catalog as safe to print: a password in a URL or connection string is masked.</summary>
    public static string Describe(string spec) =>
        System.Text.RegularExpressions.Regex.Replace(spec, @"(://[^:/@]+:)[^@]*@|((?i:password)\s*=\s*)[^;]*", m =>
            m.Groups[1].Success ? m.Groups[1].Value + "***@" : m.Groups[2].Value + "***");
}
