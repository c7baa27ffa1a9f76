using System.Security.Cryptography;

namespace Sdc.Storage.Tests.Support;

/// <summary>Deterministic test bytes and their digests, computed with the one-shot APIs (not the store's incremental ones).</summary>
public static class TestContent
{
    public const int MiB = 1024 * 1024;

    public static byte[] Bytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

#pragma warning disable CA5351 // MD5 is the checksum under test, not a security measure.
    public static string Md5(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));
#pragma warning restore CA5351

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }
}
