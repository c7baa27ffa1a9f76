namespace Sdc.Storage.FileSystem;

/// <summary>
/// Where everything lives under the root: <c>{root}/{bucket}/{key}</c> for objects,
/// <c>{root}/.sdc-store/meta/{bucket}/{key}</c> for sidecars, <c>{root}/.sdc-store/tmp</c> for
/// writes in progress. <c>.sdc-store</c> cannot be a bucket (bucket names start with a letter or
/// digit), so neither sidecars nor temporary files can ever appear in a listing.
/// </summary>
internal sealed class StoreLayout
{
    public const string InternalFolderName = ".sdc-store";

    public StoreLayout(string rootPath)
    {
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootPath));
        TempFolder = Path.Combine(Root, InternalFolderName, "tmp");
        MetaFolder = Path.Combine(Root, InternalFolderName, "meta");
    }

    public string Root { get; }

    public string TempFolder { get; }

    public string MetaFolder { get; }

    /// <summary>Bucket folder of a bucket name already validated by <see cref="ObjectNames.ValidateBucket"/>.</summary>
    public string BucketFolder(string bucket) => Path.Combine(Root, bucket);

    public string SidecarFolder(string bucket) => Path.Combine(MetaFolder, bucket);

    public string ObjectPath(string bucket, string key) => Resolve(BucketFolder(bucket), key);

    public string SidecarPath(string bucket, string key) => Resolve(SidecarFolder(bucket), key);

    public string NewTempPath() => Path.Combine(TempFolder, $"{Guid.NewGuid():N}.tmp");

    /// <summary>
    /// The full path of <paramref name="key"/> inside <paramref name="folder"/>. Keys are validated
    /// before they get here; this check is the second line: whatever the key, the result is inside
    /// the folder or nothing happens.
    /// </summary>
    public static string Resolve(string folder, string key)
    {
        var full = Path.GetFullPath(Path.Combine(folder, key.Replace('/', Path.DirectorySeparatorChar)));
        if (!full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidObjectKeyException(key, "a key must stay inside its bucket");
        }

        return full;
    }
}
