using Sdc.Api.Http;

namespace Sdc.Api.Tests;

/// <summary>
/// Every route against every kind of caller: anonymous callers get 401 on /v1 routes, callers
/// outside a route's groups 403, and each group reaches exactly what it should.
/// </summary>
public sealed class AccessTests(ApiWorld world) : IClassFixture<ApiWorld>
{
    public static TheoryData<string, string, string?> Routes => RouteSamples.Routes;

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EveryV1Route_Anonymous_Is401WithProblem(string method, string path, string? body)
    {
        var response = await CallAsync(method, path, body, Caller.Anonymous);
        Assert.Equal(401, response.Status);
        Assert.Equal(ApiResponse.ProblemJson, response.ContentType);
        Assert.Equal("Bearer", response.Headers["WWW-Authenticate"]);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EveryV1Route_Admin_IsAllowed(string method, string path, string? body)
    {
        var response = await CallAsync(method, path, body, ApiWorld.User("admin"));
        Assert.True(response.Status is 200 or 201 or 202 or 302, $"{method} {path}: {response.Status} {System.Text.Encoding.UTF8.GetString(response.Body)}");
    }

    [Theory]
    [InlineData("GET", "/v1/products")]
    [InlineData("GET", "/v1/products/{exi-l1}")]
    [InlineData("GET", "/v1/files")]
    [InlineData("GET", "/v1/runs")]
    [InlineData("GET", "/v1/jobs/{exi-job}/log")]
    [InlineData("GET", "/v1/coverage")]
    [InlineData("POST", "/v1/releases")]
    [InlineData("POST", "/v1/uploads")]
    [InlineData("POST", "/v1/reprocess")]
    public async Task DataRoutes_SignedInWithoutGroup_Are403(string method, string path)
    {
        var response = await CallAsync(method, path, RouteSamples.BodyOf(method, path), ApiWorld.User());
        Assert.Equal(403, response.Status);
    }

    [Theory]
    [InlineData("team", "POST", "/v1/releases", 403)]
    [InlineData("itf-exi", "POST", "/v1/releases", 403)]
    [InlineData("team", "POST", "/v1/uploads", 403)]
    [InlineData("itf-emr", "POST", "/v1/uploads", 403)]
    [InlineData("itf-exi", "POST", "/v1/uploads", 200)]
    [InlineData("team", "GET", "/v1/products/{emr-l1}", 200)]
    [InlineData("itf-exi", "GET", "/v1/products/{emr-l1}", 403)]
    [InlineData("itf-exi", "GET", "/v1/products/{emr-l1}/download", 403)]
    [InlineData("itf-emr", "GET", "/v1/products/{emr-l1}", 200)]
    [InlineData("itf-emr", "GET", "/v1/files/{exi-l0}", 403)]
    [InlineData("itf-emr", "GET", "/v1/files/{exi-l0}/download", 403)]
    [InlineData("itf-emr", "GET", "/v1/files/{spk}", 200)]
    [InlineData("itf-emr", "GET", "/v1/files/{hsk}", 200)]
    [InlineData("itf-emr", "GET", "/v1/files/{exi-cal}", 403)]
    [InlineData("itf-emr", "GET", "/v1/jobs/{exi-job}", 403)]
    [InlineData("itf-emr", "GET", "/v1/jobs/{exi-job}/log", 403)]
    [InlineData("itf-exi", "GET", "/v1/jobs/{exi-job}", 200)]
    [InlineData("itf-exi", "GET", "/v1/jobs/{exi-job}/log", 302)]
    [InlineData("itf-emr", "POST", "/v1/reprocess", 403)]
    [InlineData("itf-exi", "POST", "/v1/reprocess", 202)]
    [InlineData("team", "POST", "/v1/reprocess", 202)]
    [InlineData("itf-exi", "GET", "/v1/products?instrument=emr", 403)]
    [InlineData("itf-exi", "GET", "/v1/coverage?instrument=emr", 403)]
    [InlineData("itf-exi", "GET", "/v1/releases", 200)]
    public async Task Group_Route_GetsExpectedStatus(string group, string method, string path, int status)
    {
        var response = await CallAsync(method, path, RouteSamples.BodyOf(method, path), ApiWorld.User(group));
        Assert.True(status == response.Status, $"{group} {method} {path}: expected {status}, got {response.Status} {System.Text.Encoding.UTF8.GetString(response.Body)}");
    }

    [Fact]
    public async Task BulkDownload_OneForbiddenId_RefusesTheWholeRequest()
    {
        var body = $$"""{"ids":[{{world.Files["exi-l1"].Id}},{{world.Files["emr-l1"].Id}}]}""";
        var response = await world.CallAsync("POST", "/v1/downloads", ApiWorld.User("itf-exi"), body);
        Assert.Equal(403, response.Status);
    }

    [Fact]
    public async Task RunDetail_InstrumentTeam_SeesOnlyItsJobs()
    {
        var team = await world.JsonAsync("GET", $"/v1/runs/{world.Run.Id}", ApiWorld.User("team"));
        var exi = await world.JsonAsync("GET", $"/v1/runs/{world.Run.Id}", ApiWorld.User("itf-exi"));
        Assert.Equal(2, team["jobs"]!.AsArray().Count);
        Assert.Equal(["exi"], exi["jobs"]!.AsArray().Select(j => (string)j!["instrument"]!));
    }

    private Task<ApiResponse> CallAsync(string method, string template, string? body, Caller caller)
    {
        var (path, query) = Split(RouteSamples.Fill(world, template));
        return world.CallAsync(method, path, caller, body is null ? null : RouteSamples.Fill(world, body), query);
    }

    private static (string Path, (string, string)[] Query) Split(string url)
    {
        var parts = url.Split('?', 2);
        var query = parts.Length == 1 ? [] : parts[1].Split('&').Select(p => p.Split('=', 2)).Select(p => (p[0], p[1])).ToArray();
        return (parts[0], query);
    }
}
