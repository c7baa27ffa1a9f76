using System.Security.Cryptography;

namespace Sdc.Simulator;

/// <summary>Size and MD5 (lower-case hex) of a file on disk.</summary>
internal static class FileDigest
{
    public static (long Size, string Md5) Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return (stream.Length, Convert.ToHexStringLower(MD5.HashData(stream)));
    }
}
