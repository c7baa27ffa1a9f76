using System.Net;
using System.Text.Json.Nodes;
using Sdc.Api.Tests;
using Sdc.Local.Auth;

namespace Sdc.Local.Host.Tests;

/// <summary>
/// Over HTTP, as a client meets it: every /v1 route refuses a missing, expired, wrongly signed,
/// wrong-audience or foreign-issuer token with a 401 problem, and a signed-in user outside the
/// route's groups with a 403; public routes need no token.
/// </summary>
public sealed class TokenRefusalTests(HostWorld world) : IClassFixture<HostWorld>
{
    /// <summary>Every route of the handler's own access tests, and the host's own ones.</summary>
    public static TheoryData<string, string, string?> Routes
    {
        get
        {
            var routes = RouteSamples.Routes;
            routes.Add("POST", "/v1/downloads/zip", """{"ids":[{exi-l1}]}""");
            routes.Add("GET", "/v1/releases/1", null);
            return routes;
        }
    }

    public static TheoryData<string> BadTokens => new() { "missing", "expired", "wrong-signature", "wrong-audience", "wrong-issuer", "garbage", "not-bearer" };

    [Fact]
    public async Task EveryRoute_EveryBadToken_Is401Problem()
    {
        var failures = new List<string>();
        foreach (var kind in BadTokens)
        {
            var token = await BadTokenAsync(kind);
            foreach (var row in Routes)
            {
                var (method, path, body) = ((string)row[0], Fill((string)row[1]), row[2] is string b ? Fill(b) : null);
                using var response = kind == "not-bearer"
                    ? await SendBasicAsync(method, path, body)
                    : await world.SendAsync(new HttpMethod(method), path, token, body);
                if (response.StatusCode != HttpStatusCode.Unauthorized || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{kind} {method} {path}: {(int)response.StatusCode} {response.Content.Headers.ContentType}");
                }
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task DataRoutes_ValidTokenWithoutGroup_Are403()
    {
        var token = await world.TokenAsync("nogroup");
        foreach (var row in Routes.Where(r => (string)r[1] is not ("/v1/me" or "/v1/releases" or "/v1/releases/1")))
        {
            var (method, path, body) = ((string)row[0], Fill((string)row[1]), row[2] is string b ? Fill(b) : null);
            using var response = await world.SendAsync(new HttpMethod(method), path, token, body);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("admin", "POST", "/v1/releases", """{"cutoff":"2020-01-01"}""", HttpStatusCode.Created)]
    [InlineData("team", "POST", "/v1/releases", """{"cutoff":"2020-01-01"}""", HttpStatusCode.Forbidden)]
    [InlineData("itf-exi", "GET", "/v1/products/{emr-l1}", null, HttpStatusCode.Forbidden)]
    [InlineData("itf-emr", "GET", "/v1/products/{emr-l1}", null, HttpStatusCode.OK)]
    [InlineData("team", "GET", "/v1/products/{exi-l1}/download", null, HttpStatusCode.Found)]
    [InlineData("nogroup", "GET", "/v1/me", null, HttpStatusCode.OK)]
    public async Task ValidToken_GroupDecides(string user, string method, string path, string? body, HttpStatusCode expected)
    {
        using var response = await world.SendAsync(new HttpMethod(method), Fill(path), await world.TokenAsync(user), body is null ? null : Fill(body));
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task PublicRoutes_NeedNoToken_AndIgnoreABadOne()
    {
        using var plain = await world.SendAsync(HttpMethod.Get, "/public/v1/products", null);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        using var withBad = await world.SendAsync(HttpMethod.Get, "/public/v1/releases", "garbage");
        Assert.Equal(HttpStatusCode.OK, withBad.StatusCode);
    }

    private async Task<string?> BadTokenAsync(string kind)
    {
        switch (kind)
        {
            case "missing" or "not-bearer":
                return null;
            case "garbage":
                return "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.";
            case "expired":
                return await world.ForgedTokenAsync("admin", clock: new ShiftedClock(TimeSpan.FromHours(-3)));
            case "wrong-signature":
                using (var other = IssuerKey.CreateEphemeral())
                {
                    return await world.ForgedTokenAsync("admin", key: other);
                }
            case "wrong-audience":
                return await world.ForgedTokenAsync("admin", clientId: "another-app");
            case "wrong-issuer":
                return await world.ForgedTokenAsync("admin", baseUrl: new Uri("http://127.0.0.1:1"));
            default:
                throw new ArgumentException(kind, nameof(kind));
        }
    }

    private async Task<HttpResponseMessage> SendBasicAsync(string method, string path, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(world.BaseUrl, path.TrimStart('/')));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "YWRtaW46cGFzc3dvcmQ=");
        if (body is not null)
        {
            request.Content = new StringContent(body);
        }
        return await world.Http.SendAsync(request);
    }

    private string Fill(string template) => RouteSamples.Fill(world.Api, template);
}
