using Sdc.Pipeline;

namespace Sdc.Local;

/// <summary>Object locations for local processors: the file's path under the data directory's bucket folders.</summary>
public sealed class LocalFileLocator(string bucketsRoot) : IFileLocator
{
    public string Locate(string bucket, string key) => Path.Combine(bucketsRoot, bucket, key.Replace('/', Path.DirectorySeparatorChar));
}
