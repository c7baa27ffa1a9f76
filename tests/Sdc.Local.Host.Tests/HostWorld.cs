using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Sdc.Api.Tests;
using Sdc.Catalog.Users;
using Sdc.Local.Auth;

namespace Sdc.Local.Host.Tests;

/// <summary>
/// The seeded SDC of the API tests behind the real Kestrel host on a free port, with the local
/// issuer signing users in; users of every group; and tokens that must be refused, made the way
/// an attacker or a stale client would have them (expired, signed by another key, for another
/// client, from another issuer).
/// </summary>
public sealed class HostWorld : IAsyncLifetime, IDisposable
{
    public const string Password = "correct horse battery";

    private readonly int _port = LocalSite.ChoosePort(0);
    private readonly ApiWorld _api;
    private readonly string _keys = Path.Combine(Path.GetTempPath(), "sdc-host-keys-" + Guid.NewGuid().ToString("N"));
    private LocalApiHost _host = null!;
    private LocalIssuer _issuer = null!;
    private IssuerKey _key = null!;

    public HostWorld() => _api = new ApiWorld(new Uri($"http://127.0.0.1:{_port}/"));

    public ApiWorld Api => _api;

    public Uri BaseUrl => _host.BaseUrl;

    public HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false });

    public LocalIssuerOptions IssuerOptions { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _api.InitializeAsync();
        var port = _port;
        Directory.CreateDirectory(_keys);
        IssuerOptions = new LocalIssuerOptions { BaseUrl = new Uri($"http://127.0.0.1:{port}"), KeyPath = Path.Combine(_keys, "issuer-key.pem") };
        _key = IssuerKey.LoadOrCreate(IssuerOptions.KeyPath);
        _issuer = new LocalIssuer(IssuerOptions, _key, _api.Catalog.Users, TimeProvider.System);
        var accounts = new LocalAccounts(_api.Catalog.Users, new GroupNames(["exi", "emr", "emu"]), TimeProvider.System);
        foreach (var group in (string[])["admin", "team", "itf-exi", "itf-emr"])
        {
            await accounts.AddAsync(group, Password, [group], CancellationToken.None);
        }
        await accounts.AddAsync("nogroup", Password, [], CancellationToken.None);
        var validator = new TokenValidator(_issuer.ValidatorOptions, _issuer.Keys, TimeProvider.System);
        _host = LocalApiHost.Create(new LocalHostOptions { Port = port }, _api.Handler, new JwtCallerAuthenticator(validator), _api.Store, _api.Store,
            _ => new JsonObject(), app => IssuerEndpoints.Map(app, _issuer));
        await _host.StartAsync(CancellationToken.None);
    }

    /// <summary>An ID token for <paramref name="user"/> from the host's sign-in endpoint, as any client gets one.</summary>
    public Task<string> TokenAsync(string user) => SignInAsync(BaseUrl, IssuerOptions.ClientId, user, Password);

    /// <summary>A token the host must refuse: signed when <paramref name="clock"/> says, by <paramref name="key"/>, for <paramref name="clientId"/>, from <paramref name="baseUrl"/>.</summary>
    public async Task<string> ForgedTokenAsync(string user, TimeProvider? clock = null, IssuerKey? key = null, string? clientId = null, Uri? baseUrl = null)
    {
        var options = new LocalIssuerOptions
        {
            BaseUrl = baseUrl ?? IssuerOptions.BaseUrl,
            KeyPath = IssuerOptions.KeyPath,
            ClientId = clientId ?? IssuerOptions.ClientId,
        };
        using var issuer = new LocalIssuer(options, key ?? _key, _api.Catalog.Users, clock ?? TimeProvider.System);
        var body = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["AuthFlow"] = "USER_PASSWORD_AUTH",
            ["ClientId"] = options.ClientId,
            ["AuthParameters"] = new JsonObject { ["USERNAME"] = user, ["PASSWORD"] = Password },
        }.ToJsonString());
        var response = await issuer.HandleAsync(LocalIssuer.InitiateAuthTarget, body, CancellationToken.None);
        return (string)JsonNode.Parse(response.Json)!["AuthenticationResult"]!["IdToken"]!;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, string? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUrl, path.TrimStart('/')));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        return await Http.SendAsync(request);
    }

    public static async Task<string> SignInAsync(Uri endpoint, string clientId, string user, string password)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "auth"))
        {
            Content = new StringContent(new JsonObject
            {
                ["AuthFlow"] = "USER_PASSWORD_AUTH",
                ["ClientId"] = clientId,
                ["AuthParameters"] = new JsonObject { ["USERNAME"] = user, ["PASSWORD"] = password },
            }.ToJsonString()),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        request.Headers.Add("X-Amz-Target", LocalIssuer.InitiateAuthTarget);
        using var response = await http.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, json.ToJsonString());
        return (string)json["AuthenticationResult"]!["IdToken"]!;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
        Directory.Delete(_keys, recursive: true);
    }

    public void Dispose()
    {
        _issuer?.Dispose();
        _key?.Dispose();
        Http.Dispose();
    }
}

/// <summary>A clock running <paramref name="offset"/> away from the real one.</summary>
public sealed class ShiftedClock(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
}
