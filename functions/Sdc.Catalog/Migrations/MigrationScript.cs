using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Sdc.Catalog.Migrations;

/// <summary>
/// One numbered migration as embedded in this assembly: <c>NNNN_name.sql</c> for both engines,
/// or <c>NNNN_name.sqlite.sql</c> / <c>NNNN_name.postgres.sql</c> where they must differ.
/// </summary>
internal sealed partial record MigrationScript(int Version, string Name, string Sql, string Checksum)
{
    private const string ResourcePrefix = "Migrations/";

    /// <summary>The scripts for <paramref name="engine"/>, by version; throws if the set is inconsistent.</summary>
    public static IReadOnlyList<MigrationScript> For(CatalogEngine engine)
    {
        var assembly = typeof(MigrationScript).Assembly;
        var suffix = engine == CatalogEngine.Sqlite ? "sqlite" : "postgres";
        var scripts = new SortedDictionary<int, MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var match = FileName().Match(resource[ResourcePrefix.Length..]);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Migration resource '{resource}' is not named NNNN_name[.sqlite|.postgres].sql.");
            }

            var engineSuffix = match.Groups["engine"].Value;
            if (engineSuffix.Length > 0 && engineSuffix != suffix)
            {
                continue;
            }

            var version = int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var sql = Read(assembly, resource);
            var script = new MigrationScript(version, match.Groups["name"].Value, sql, ChecksumOf(sql));
            if (!scripts.TryAdd(version, script))
            {
                throw new InvalidOperationException($"Two {suffix} migrations are numbered {version:0000}: {scripts[version].Name} and {script.Name}.");
            }
        }

        return scripts.Values.ToList();
    }

    /// <summary>SHA-256 (hex) of the script with LF line endings, so a CRLF checkout checks the same.</summary>
    public static string ChecksumOf(string sql) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Migration resource '{resource}' is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)(\.(?<engine>sqlite|postgres))?\.sql$")]
    private static partial Regex FileName();
}
