namespace Sdc.Local.Auth;

/// <summary>Which tokens a <see cref="TokenValidator"/> accepts: one issuer, one app client.</summary>
public sealed class TokenValidatorOptions
{
    /// <summary>The largest clock skew allowed.</summary>
    public static readonly TimeSpan MaximumClockSkew = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The exact <c>iss</c>: <c>https://cognito-idp.&lt;region&gt;.amazonaws.com/&lt;poolId&gt;</c>
    /// for a Cognito pool, <c>{endpoint}/{poolId}</c> for cognito-local, <see cref="LocalIssuer.Issuer"/>.
    /// </summary>
    public required string Issuer { get; init; }

    /// <summary>The app client id: an ID token's <c>aud</c>, an access token's <c>client_id</c>.</summary>
    public required string ClientId { get; init; }

    /// <summary>How far the issuer's clock may be off ours when judging <c>exp</c> and <c>nbf</c> (at most <see cref="MaximumClockSkew"/>).</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(30);
}
