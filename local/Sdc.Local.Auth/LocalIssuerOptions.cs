namespace Sdc.Local.Auth;

/// <summary>Where the local issuer says it lives, which app client it serves, and where its key is kept.</summary>
public sealed class LocalIssuerOptions
{
    public const string DefaultPoolId = "local_sdc";

    public const string DefaultClientId = "sdc-local";

    /// <summary>The host's address, e.g. <c>http://127.0.0.1:8080</c>; the issuer is <c>{BaseUrl}/auth/{PoolId}</c>.</summary>
    public Uri BaseUrl { get; init; } = new("http://127.0.0.1:8080");

    /// <summary>The user pool's id, in Cognito's <c>region_id</c> shape.</summary>
    public string PoolId { get; init; } = DefaultPoolId;

    /// <summary>The one app client the pool has: sign-ins naming another are refused as Cognito refuses them.</summary>
    public string ClientId { get; init; } = DefaultClientId;

    /// <summary>The PEM file holding the signing key, e.g. <c>&lt;data&gt;/issuer-key.pem</c> (created if missing).</summary>
    public required string KeyPath { get; init; }

    /// <summary>Lifetime of ID and access tokens (Cognito's default).</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Lifetime of refresh tokens (Cognito's default).</summary>
    public TimeSpan RefreshTokenLifetime { get; init; } = TimeSpan.FromDays(30);
}
