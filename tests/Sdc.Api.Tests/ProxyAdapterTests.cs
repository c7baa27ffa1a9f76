using System.Text;
using System.Text.Json.Nodes;
using Sdc.Api.Gateway;
using Sdc.Api.Http;

namespace Sdc.Api.Tests;

/// <summary>The API behind API Gateway: proxy events in (AWS's documented shape), proxy responses out.</summary>
public sealed class ProxyAdapterTests(ApiWorld world) : IClassFixture<ApiWorld>
{
    private static byte[] Sample => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Events", "aws-proxy-cognito.json"));

    [Fact]
    public void ToRequest_SampleEvent_ReadsPathQueryAndCognitoClaims()
    {
        var request = ProxyAdapter.ToRequest(ProxyAdapter.ReadEvent(Sample));
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v1/products", request.Path);
        Assert.Equal(["exi"], request.Query["instrument"]);
        Assert.Equal("ada", request.Caller.Username);
        Assert.Equal(["itf-exi", "team"], request.Caller.Groups);
        Assert.True(request.Caller.IsStaff);
    }

    [Theory]
    [InlineData("admin", new[] { "admin" })]
    [InlineData("itf-exi,team", new[] { "itf-exi", "team" })]
    [InlineData("[itf-exi team]", new[] { "itf-exi", "team" })]
    [InlineData("", new string[0])]
    public void CallerOf_GroupSpellings_AreAllRead(string groups, string[] expected)
    {
        var caller = ProxyAdapter.CallerOf(new Dictionary<string, string> { ["cognito:username"] = "ada", ["cognito:groups"] = groups });
        Assert.Equal(expected, caller.Groups);
    }

    [Fact]
    public void ToRequest_PublicPath_IgnoresClaims()
    {
        var json = JsonNode.Parse(Sample)!;
        json["path"] = "/prod/public/v1/products";
        var request = ProxyAdapter.ToRequest(ProxyAdapter.ReadEvent(Encoding.UTF8.GetBytes(json.ToJsonString())));
        Assert.Equal("/public/v1/products", request.Path);
        Assert.False(request.Caller.IsSignedIn);
    }

    [Fact]
    public async Task SampleEvent_ThroughTheHandler_AnswersAProxyResponse()
    {
        var request = ProxyAdapter.ToRequest(ProxyAdapter.ReadEvent(Sample));
        var response = ProxyAdapter.ToProxy(await world.Handler.HandleAsync(request, world.Ct));
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/json", response.Headers["Content-Type"]);
        Assert.False(response.IsBase64Encoded);
        var page = JsonNode.Parse(response.Body)!;
        Assert.Equal([world.Files["exi-l1-v2"].Id], page["products"]!.AsArray().Select(p => (long)p!["id"]!));
    }

    [Fact]
    public async Task NoClaims_OnAPrivateRoute_Is401Problem()
    {
        var json = JsonNode.Parse(Sample)!;
        json["requestContext"]!["authorizer"] = null;
        var request = ProxyAdapter.ToRequest(ProxyAdapter.ReadEvent(Encoding.UTF8.GetBytes(json.ToJsonString())));
        var response = ProxyAdapter.ToProxy(await world.Handler.HandleAsync(request, world.Ct));
        Assert.Equal(401, response.StatusCode);
        Assert.Equal(ApiResponse.ProblemJson, response.Headers["Content-Type"]);
    }
}
