using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Sdc.Local.Auth;

/// <summary>
/// Ready RSA objects for the issuer's public keys, so a token check does not import its key again.
/// </summary>
/// <remarks>
/// Importing a JWK into an <see cref="RSA"/> costs about 200 µs, eight times the signature check
/// itself, and every API request checks a token. An RSA object is not documented as safe to use
/// from two threads at once, so each is rented by one check at a time and returned; a pool per key
/// holds as many as the host ever verified with at once. Keys are looked up by value (kid, n, e):
/// a rotated key under an old kid gets its own objects. Only the issuer's JWKS supplies keys, so
/// the pools stay few; they are dropped all together if a long-running host sees many rotations.
/// </remarks>
internal sealed class RsaKeyPool
{
    private const int MaximumKeys = 32;

    private readonly ConcurrentDictionary<RsaJsonWebKey, ConcurrentBag<RSA>> _pools = new();

    /// <summary>An RSA object for <paramref name="key"/>; false when the key's n or e cannot be used.</summary>
    public bool TryRent(RsaJsonWebKey key, out RSA rsa)
    {
        if (_pools.TryGetValue(key, out var pool) && pool.TryTake(out var pooled))
        {
            rsa = pooled;
            return true;
        }
        try
        {
            rsa = key.CreateRsa();
            return true;
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            rsa = null!;
            return false;
        }
    }

    /// <summary>Gives <paramref name="rsa"/> back for the next check with <paramref name="key"/>.</summary>
    public void Return(RsaJsonWebKey key, RSA rsa)
    {
        if (_pools.Count >= MaximumKeys && !_pools.ContainsKey(key))
        {
            _pools.Clear();
        }
        _pools.GetOrAdd(key, _ => []).Add(rsa);
    }
}
