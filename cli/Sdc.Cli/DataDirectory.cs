namespace Sdc.Cli;

/// <summary>
/// One local SDC's data: a folder holding a folder per bucket, the SQLite catalog and logs.
/// Several can live side by side; each command picks one with --data or SDC_DATA.
/// </summary>
internal sealed record DataDirectory(string Root)
{
    public const string DefaultFolder = ".sdc";

    public string Buckets => Path.Combine(Root, "buckets");

    public string Logs => Path.Combine(Root, "logs");

    /// <summary>The embedded catalog: a SQLite file, used unless --catalog names another.</summary>
    public string SqliteCatalog => Path.Combine(Root, "catalog.db");

    public static DataDirectory Resolve(string? option)
    {
        var chosen = option ?? Environment.GetEnvironmentVariable("SDC_DATA");
        return new DataDirectory(Path.GetFullPath(string.IsNullOrWhiteSpace(chosen) ? DefaultFolder : chosen));
    }

    public DataDirectory Create()
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Buckets);
        Directory.CreateDirectory(Logs);
        return this;
    }
}
