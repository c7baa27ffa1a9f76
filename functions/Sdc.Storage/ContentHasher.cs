using System.Security.Cryptography;

namespace Sdc.Storage;

/// <summary>MD5 and SHA-256 of one stream of bytes, fed as they pass (one pass, no re-reading).</summary>
internal sealed class ContentHasher : IDisposable
{
    private readonly IncrementalHash _md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long Length { get; private set; }

    public void Append(ReadOnlySpan<byte> data)
    {
        _md5.AppendData(data);
        _sha256.AppendData(data);
        Length += data.Length;
    }

    /// <summary>Lowercase hex digests; the hasher is reset and may be reused.</summary>
    public (string Md5, string Sha256) Finish() =>
        (Convert.ToHexStringLower(_md5.GetHashAndReset()), Convert.ToHexStringLower(_sha256.GetHashAndReset()));

    public void Dispose()
    {
        _md5.Dispose();
        _sha256.Dispose();
    }
}
