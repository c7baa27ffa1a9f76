namespace Sdc.Cli.Remote;

/// <summary>A sign-in kept between commands: which SDC, where its users sign in, and the tokens.</summary>
internal sealed record SavedLogin
{
    public required string Endpoint { get; init; }

    public required string AuthEndpoint { get; init; }

    public required string ClientId { get; init; }

    public required string Username { get; init; }

    public required string IdToken { get; init; }

    public string? RefreshToken { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }
}
