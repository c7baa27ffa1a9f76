namespace Sdc.Local.Host;

/// <summary>
/// How the local SDC is served: the port, the portal, and who signs users in — the local issuer
/// (default; users from `sdc users add`), or an outside Cognito-compatible pool (a real Cognito
/// user pool, or cognito-local) given by its issuer and app client.
/// </summary>
public sealed record LocalSiteOptions
{
    /// <summary>Port on 127.0.0.1; must be known before the runtime signs its first URL (see <see cref="LocalSite.ChoosePort"/>).</summary>
    public required int Port { get; init; }

    /// <summary>The data directory: the local issuer keeps its signing key there (<c>issuer-key.pem</c>).</summary>
    public required string DataRoot { get; init; }

    /// <summary>The built portal (web/dist); null: the API alone.</summary>
    public string? WebRoot { get; init; }

    /// <summary>An outside issuer (<c>iss</c> of its tokens, e.g. <c>https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc</c>); null: the local issuer.</summary>
    public Uri? ExternalIssuer { get; init; }

    /// <summary>The outside pool's app client id (required with <see cref="ExternalIssuer"/>).</summary>
    public string? ExternalClientId { get; init; }

    /// <summary>Where clients call InitiateAuth for the outside pool; default: the issuer's origin (right for cognito-local), for Cognito <c>https://cognito-idp.&lt;region&gt;.amazonaws.com/</c>.</summary>
    public Uri? ExternalAuthEndpoint { get; init; }
}
