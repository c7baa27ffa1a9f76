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

    /// <summary>The key that signs this SDC's local download URLs: made once, kept private to the data directory.</summary>
    public byte[] SigningKey()
    {
        var path = Path.Combine(Root, "signing.key");
        if (File.Exists(path) && File.ReadAllBytes(path) is { Length: >= 32 } existing)
        {
            return existing;
        }
        Create();
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temp, path, overwrite: true);
        return key;
    }

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
