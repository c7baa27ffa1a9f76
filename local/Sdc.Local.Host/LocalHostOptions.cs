namespace Sdc.Local.Host;

/// <summary>Where and what the local host serves.</summary>
public sealed record LocalHostOptions
{
    public const int DefaultPort = 8080;

    /// <summary>TCP port on 127.0.0.1 (0: any free port; <see cref="LocalApiHost.BaseUrl"/> tells which).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>The built portal (web/dist), served at /; null or missing: no portal, the API alone.</summary>
    public string? WebRoot { get; init; }
}
