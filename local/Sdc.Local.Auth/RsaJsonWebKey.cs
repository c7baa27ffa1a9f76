using System.Security.Cryptography;
using System.Text;

namespace Sdc.Local.Auth;

/// <summary>
/// An RSA public key as a JSON Web Key (RFC 7517): its <c>kid</c>, modulus <c>n</c> and exponent
/// <c>e</c> in base64url, as they appear in a JWKS.
/// </summary>
public sealed record RsaJsonWebKey(string KeyId, string Modulus, string Exponent)
{
    /// <summary>The public half of <paramref name="parameters"/>.</summary>
    public static RsaJsonWebKey FromParameters(string keyId, RSAParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters.Modulus);
        ArgumentNullException.ThrowIfNull(parameters.Exponent);
        return new RsaJsonWebKey(keyId, Base64UrlText.Encode(parameters.Modulus), Base64UrlText.Encode(parameters.Exponent));
    }

    /// <summary>
    /// The RFC 7638 thumbprint of the key (SHA-256 of its canonical JSON, base64url): a key id that
    /// names the key itself, so it changes exactly when the key does.
    /// </summary>
    public static string Thumbprint(RSAParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters.Modulus);
        ArgumentNullException.ThrowIfNull(parameters.Exponent);
        var canonical = $$"""{"e":"{{Base64UrlText.Encode(parameters.Exponent)}}","kty":"RSA","n":"{{Base64UrlText.Encode(parameters.Modulus)}}"}""";
        return Base64UrlText.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>An RSA instance holding this public key; the caller disposes it. Throws <see cref="FormatException"/> when n or e is not base64url.</summary>
    public RSA CreateRsa()
    {
        if (!Base64UrlText.TryDecode(Modulus, out var modulus) || !Base64UrlText.TryDecode(Exponent, out var exponent)
            || modulus.Length == 0 || exponent.Length == 0)
        {
            throw new FormatException($"JWK '{KeyId}': n and e must be base64url.");
        }
        return RSA.Create(new RSAParameters { Modulus = modulus, Exponent = exponent });
    }
}
