namespace Sdc.Local.Auth;

/// <summary>
/// Where a <see cref="TokenValidator"/> finds the public keys of the issuer it trusts: the local
/// issuer's own key in-process (<see cref="StaticJwksSource"/>), or an issuer's JWKS URL over
/// HTTP (<see cref="HttpJwksSource"/>: a Cognito user pool, cognito-local).
/// </summary>
public interface IJwksSource
{
    /// <summary>The key named <paramref name="keyId"/>, or null when the issuer has no such key.</summary>
    ValueTask<RsaJsonWebKey?> FindAsync(string keyId, CancellationToken cancellationToken);
}
