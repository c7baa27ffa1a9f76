namespace Sdc.Local.Auth;

/// <summary>A fixed set of keys held in memory (the local issuer's, or a JWKS read once).</summary>
public sealed class StaticJwksSource : IJwksSource
{
    private readonly Dictionary<string, RsaJsonWebKey> _keys;

    public StaticJwksSource(IEnumerable<RsaJsonWebKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = keys.ToDictionary(k => k.KeyId, StringComparer.Ordinal);
    }

    public ValueTask<RsaJsonWebKey?> FindAsync(string keyId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_keys.GetValueOrDefault(keyId));
}
