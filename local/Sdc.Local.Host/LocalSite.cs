using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Sdc.Api;
using Sdc.Catalog;
using Sdc.Local.Auth;

namespace Sdc.Local.Host;

/// <summary>
/// The composition root of the local SDC's web side: the API handler over the runtime's catalog
/// and store, the token check (local issuer or an outside pool's JWKS), and the Kestrel host.
/// </summary>
public sealed class LocalSite : IAsyncDisposable
{
    private readonly LocalApiHost _host;
    private readonly IDisposable? _owned;

    private LocalSite(LocalApiHost host, LocalIssuer? issuer, Uri authEndpoint, string clientId, IDisposable? owned)
    {
        _host = host;
        Issuer = issuer;
        AuthEndpoint = authEndpoint;
        ClientId = clientId;
        _owned = owned;
    }

    public Uri BaseUrl => _host.BaseUrl;

    /// <summary>The local issuer, when this site signs users in itself.</summary>
    public LocalIssuer? Issuer { get; }

    /// <summary>Where clients sign in (InitiateAuth).</summary>
    public Uri AuthEndpoint { get; }

    public string ClientId { get; }

    /// <summary>
    /// The port to serve on: <paramref name="requested"/>, or a free one when it is 0. Checked now,
    /// before any work starts, so that a taken port is reported at once (IOException).
    /// </summary>
    public static int ChoosePort(int requested)
    {
        using var probe = new TcpListener(IPAddress.Loopback, requested);
        try
        {
            probe.Start();
        }
        catch (SocketException e)
        {
            throw new IOException($"Port {requested} on 127.0.0.1 is taken ({e.SocketErrorCode}): another program, or another local SDC, listens there.", e);
        }
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public static async Task<LocalSite> StartAsync(
        LocalSiteOptions options, Mission.Mission mission, ICatalog catalog, LocalRuntime runtime, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(loggers);
        var baseUrl = new Uri($"http://127.0.0.1:{options.Port}/");
        LocalIssuer? issuer = null;
        IDisposable? owned;
        TokenValidator validator;
        Uri authEndpoint;
        string clientId;
        if (options.ExternalIssuer is { } external)
        {
            clientId = options.ExternalClientId ?? throw new ArgumentException("An outside issuer needs its app client id (--client-id).", nameof(options));
            var jwks = new HttpJwksSource(new HttpClient(), new Uri(external.AbsoluteUri.TrimEnd('/') + "/.well-known/jwks.json"), TimeProvider.System);
            owned = jwks;
            validator = new TokenValidator(new TokenValidatorOptions { Issuer = external.AbsoluteUri.TrimEnd('/'), ClientId = clientId }, jwks, TimeProvider.System);
            authEndpoint = options.ExternalAuthEndpoint ?? new Uri(external.GetLeftPart(UriPartial.Authority) + "/");
        }
        else
        {
            issuer = LocalIssuer.Create(
                new LocalIssuerOptions { BaseUrl = new Uri(baseUrl.AbsoluteUri.TrimEnd('/')), KeyPath = Path.Combine(options.DataRoot, "issuer-key.pem") },
                catalog.Users, TimeProvider.System, loggers.CreateLogger<LocalIssuer>());
            owned = issuer;
            validator = new TokenValidator(issuer.ValidatorOptions, issuer.Keys, TimeProvider.System);
            authEndpoint = new Uri(baseUrl, IssuerEndpoints.Path.TrimStart('/'));
            clientId = issuer.ClientId;
        }

        try
        {
            var handler = new ApiHandler(
                new ApiServices(mission, catalog, runtime.Store, TimeProvider.System,
                    new ApiOptions { AuthEndpoint = authEndpoint, ClientId = clientId, Region = "local" }),
                loggers.CreateLogger<ApiHandler>());
            var host = LocalApiHost.Create(
                new LocalHostOptions { Port = options.Port, WebRoot = options.WebRoot },
                handler,
                new JwtCallerAuthenticator(validator),
                runtime.Files,
                runtime.Store,
                api => PortalConfig(api, authEndpoint, clientId),
                issuer is null ? null : app => IssuerEndpoints.Map(app, issuer));
            await host.StartAsync(cancellationToken);
            return new LocalSite(host, issuer, authEndpoint, clientId, owned);
        }
        catch
        {
            owned.Dispose();
            throw;
        }
    }

    /// <summary>The portal's runtime configuration: where the API is and where to sign in.</summary>
    private static JsonObject PortalConfig(Uri api, Uri authEndpoint, string clientId) => new()
    {
        ["apiUrl"] = api.AbsoluteUri.TrimEnd('/'),
        ["auth"] = new JsonObject
        {
            ["endpoint"] = authEndpoint.AbsoluteUri,
            ["clientId"] = clientId,
            ["region"] = "local",
        },
    };

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _owned?.Dispose();
    }
}
