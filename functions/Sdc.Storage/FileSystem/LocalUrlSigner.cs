using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sdc.Storage.FileSystem;

/// <summary>
/// Presigned URLs for the local host: <c>{base}/objects/{bucket}/{key}?expires={unix}&amp;signature={hex}</c>,
/// the signature an HMAC-SHA256 over method, bucket, key and expiry.
/// </summary>
internal sealed class LocalUrlSigner
{
    public const int MinKeyBytes = 32;

    private readonly byte[] _key;
    private readonly string _baseUrl;
    private readonly TimeProvider _time;

    public LocalUrlSigner(ReadOnlyMemory<byte> key, Uri baseUrl, TimeProvider time)
    {
        if (key.Length < MinKeyBytes)
        {
            throw new ArgumentException($"The signing key must be at least {MinKeyBytes} bytes.", nameof(key));
        }

        if (!baseUrl.IsAbsoluteUri || !string.IsNullOrEmpty(baseUrl.Query) || !string.IsNullOrEmpty(baseUrl.Fragment))
        {
            throw new ArgumentException("The base URL must be absolute, without query or fragment.", nameof(baseUrl));
        }

        _key = key.ToArray();
        _baseUrl = baseUrl.AbsoluteUri.TrimEnd('/');
        _time = time;
    }

    public Uri Create(string method, string bucket, string key, TimeSpan expiresIn)
    {
        var expires = _time.GetUtcNow().ToUnixTimeSeconds() + (long)Math.Ceiling(expiresIn.TotalSeconds);
        var signature = Convert.ToHexStringLower(Sign(method, bucket, key, expires));
        var path = string.Join('/', key.Split('/').Select(Uri.EscapeDataString));
        return new Uri(string.Create(
            CultureInfo.InvariantCulture,
            $"{_baseUrl}/objects/{Uri.EscapeDataString(bucket)}/{path}?expires={expires}&signature={signature}"));
    }

    public PresignedUrlStatus Verify(string method, string bucket, string key, string? expires, string? signature)
    {
        method = method.ToUpperInvariant();
        if (method is not ("GET" or "PUT")
            || !ObjectNames.IsValidBucket(bucket)
            || !ObjectNames.IsValidKey(key)
            || string.IsNullOrEmpty(expires) || !expires.All(char.IsAsciiDigit)
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt)
            || signature is null || signature.Length != SHA256.HashSizeInBytes * 2)
        {
            return PresignedUrlStatus.Invalid;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return PresignedUrlStatus.Invalid;
        }

        if (!CryptographicOperations.FixedTimeEquals(given, Sign(method, bucket, key, expiresAt)))
        {
            return PresignedUrlStatus.Invalid;
        }

        return _time.GetUtcNow().ToUnixTimeSeconds() < expiresAt ? PresignedUrlStatus.Valid : PresignedUrlStatus.Expired;
    }

    // Bucket names and keys contain no control characters, so newline-separated fields cannot be
    // shifted into one another to forge a signature for a different request.
    private byte[] Sign(string method, string bucket, string key, long expires) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{method}\n{bucket}\n{key}\n{expires}")));
}
