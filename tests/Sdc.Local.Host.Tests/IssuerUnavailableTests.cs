using System.Net;
using System.Text.Json.Nodes;
using Sdc.Local.Auth;

namespace Sdc.Local.Host.Tests;

/// <summary>When an outside issuer's keys cannot be fetched, a token is not known to be bad: 503, not 401.</summary>
public sealed class IssuerUnavailableTests(HostWorld world) : IClassFixture<HostWorld>
{
    [Fact]
    public async Task UnreachableJwks_IsA503Problem()
    {
        var port = LocalSite.ChoosePort(0);
        using var jwks = new HttpJwksSource(new HttpClient(), new Uri("http://127.0.0.1:1/pool/.well-known/jwks.json"), TimeProvider.System);
        var validator = new TokenValidator(new TokenValidatorOptions { Issuer = "http://127.0.0.1:1/pool", ClientId = "sdc-local" }, jwks, TimeProvider.System);
        await using var host = LocalApiHost.Create(new LocalHostOptions { Port = port }, world.Api.Handler, new JwtCallerAuthenticator(validator),
            world.Api.Store, world.Api.Store, _ => new JsonObject());
        await host.StartAsync(CancellationToken.None);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.BaseUrl, "v1/me"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await world.TokenAsync("team"));
        using var response = await world.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("urn:sdc:problem:issuer-unavailable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
