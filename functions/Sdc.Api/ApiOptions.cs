namespace Sdc.Api;

/// <summary>How this deployment of the API behaves, set once by its host.</summary>
public sealed record ApiOptions
{
    /// <summary>Download URLs live this long (S3 presigned GETs on AWS, signed local URLs on one machine).</summary>
    public TimeSpan DownloadExpiry { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Upload URLs live this long: enough for a big Level 3 file on a slow link.</summary>
    public TimeSpan UploadExpiry { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Where clients sign in: Cognito's endpoint (<c>https://cognito-idp.&lt;region&gt;.amazonaws.com/</c>) or the local issuer's.</summary>
    public Uri? AuthEndpoint { get; init; }

    /// <summary>The app client the portal and CLI sign in with.</summary>
    public string? ClientId { get; init; }

    public string? Region { get; init; }
}
