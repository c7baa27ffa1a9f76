namespace Sdc.Local.Auth;

/// <summary>Why a bearer token was refused (each a 401).</summary>
public enum TokenFailure
{
    /// <summary>Not a JWS compact token, or a required claim is missing or of the wrong type.</summary>
    Malformed,

    /// <summary>Signed with another algorithm than RS256 (or none).</summary>
    UnsupportedAlgorithm,

    /// <summary>The signature does not verify, or names a key the issuer does not have.</summary>
    BadSignature,

    /// <summary>Issued by another issuer (another pool, another host).</summary>
    WrongIssuer,

    /// <summary>Issued for another app client (<c>aud</c> of an ID token, <c>client_id</c> of an access token).</summary>
    WrongAudience,

    /// <summary>Past its <c>exp</c>.</summary>
    Expired,

    /// <summary>Before its <c>nbf</c>.</summary>
    NotYetValid,
}
