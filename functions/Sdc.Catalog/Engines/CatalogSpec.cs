using System.Data.Common;
using Npgsql;

namespace Sdc.Catalog.Engines;

/// <summary>
/// Reads the one string that names a catalog: a PostgreSQL URL (<c>postgres://</c> or
/// <c>postgresql://user:password@host:port/db?sslmode=require</c>), an Npgsql connection string
/// (<c>Host=...;Database=...</c>), or else a SQLite file path.
/// </summary>
internal sealed record CatalogSpec(CatalogEngine Engine, string Target)
{
    // URL query parameters (libpq names) that Npgsql spells differently.
    private static readonly Dictionary<string, string> UrlParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["options"] = "Options",
    };

    public static CatalogSpec Parse(string spec)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        spec = spec.Trim();
        if (spec.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || spec.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new CatalogSpec(CatalogEngine.Postgres, FromUrl(spec));
        }

        if (TryNpgsqlConnectionString(spec, out var connectionString))
        {
            return new CatalogSpec(CatalogEngine.Postgres, connectionString);
        }

        return new CatalogSpec(CatalogEngine.Sqlite, spec);
    }

    private static bool TryNpgsqlConnectionString(string spec, out string connectionString)
    {
        connectionString = "";
        if (!spec.Contains('=', StringComparison.Ordinal))
        {
            return false;
        }

        var generic = new DbConnectionStringBuilder();
        try
        {
            generic.ConnectionString = spec;
        }
        catch (ArgumentException)
        {
            return false; // a file name that happens to contain '='
        }

        if (!generic.ContainsKey("Host") && !generic.ContainsKey("Server"))
        {
            return false;
        }

        // Unknown keywords are a mistake in a connection string, not a file name: let Npgsql say so.
        connectionString = new NpgsqlConnectionStringBuilder(spec).ConnectionString;
        return true;
    }

    private static string FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException($"Catalog URL '{Redact(url)}' is not a valid postgres:// URL.", nameof(url));
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.DnsSafeHost,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
        };
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            builder[UrlParameters.GetValueOrDefault(name, name)] = value;
        }

        return builder.ConnectionString;
    }

    private static string Redact(string url)
    {
        var at = url.IndexOf('@', StringComparison.Ordinal);
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        return at > scheme && scheme >= 0 ? string.Concat(url.AsSpan(0, scheme + 3), "***", url.AsSpan(at)) : url;
    }
}
