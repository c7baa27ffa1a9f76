using System.Text.Json.Nodes;
using Sdc.Api.Http;

namespace Sdc.Api.Tests;

/// <summary>
/// Releases freeze the latest products up to a cutoff; public routes show released products only
/// — never an unreleased one, not even its name through lineage or versions.
/// </summary>
public sealed class ReleaseAndPublicTests() : ReleaseAndPublicChecks(new ApiWorld());

/// <summary>The same checks with the catalog on PostgreSQL (the release SQL differs most between engines).</summary>
public sealed class ReleaseAndPublicPostgresTests() : ReleaseAndPublicChecks(new PostgresApiWorld());

/// <summary>Release and public-route checks, run on each catalog engine; each test gets a fresh SDC.</summary>
public abstract class ReleaseAndPublicChecks(ApiWorld world) : IAsyncLifetime
{
    private readonly ApiWorld _world = world;

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task PublicRoutes_BeforeAnyRelease_ShowNothing()
    {
        var page = await _world.JsonAsync("GET", "/public/v1/products", Caller.Anonymous, query: [("version", "all")]);
        Assert.Empty(page["products"]!.AsArray());
        foreach (var file in _world.Files.Values)
        {
            Assert.Equal(404, (await _world.CallAsync("GET", $"/public/v1/products/{file.Id}", Caller.Anonymous)).Status);
            Assert.Equal(404, (await _world.CallAsync("GET", $"/public/v1/products/{file.Id}/download", Caller.Anonymous)).Status);
        }
    }

    [Fact]
    public async Task CreateRelease_FreezesLatestProductsBeforeCutoff_AndWritesItsManifest()
    {
        var created = await _world.JsonAsync("POST", "/v1/releases", ApiWorld.User("admin"), """{"cutoff":"2021-02-25","notes":"First light"}""", status: 201);
        Assert.Equal(1, (int)created["number"]!);
        Assert.Equal("First light", (string)created["notes"]!);
        // EXI L1 v01-01, L2, quicklook, EMIRS L1 start before the cutoff; EMUS L2 (Feb 25) does not; v01-00 is not latest.
        Assert.Equal(4, (long)created["fileCount"]!);
        Assert.Equal("releases/1/manifest.json", (string)created["manifest"]!);

        var manifest = JsonNode.Parse(await ReadAsync("public", "releases/1/manifest.json"))!;
        var listed = manifest["files"]!.AsArray().ToDictionary(f => (long)f!["id"]!, f => (string)f!["sha256"]!);
        Assert.Equal(4, listed.Count);
        Assert.Equal(_world.Files["exi-l1-v2"].Sha256, listed[_world.Files["exi-l1-v2"].Id]);
        Assert.DoesNotContain(_world.Files["exi-l1"].Id, listed.Keys);
        Assert.DoesNotContain(_world.Files["emu-l2"].Id, listed.Keys);

        var publicIds = await PublicIdsAsync();
        Assert.Equal(listed.Keys.Order(), publicIds.Order());
        var detail = await _world.JsonAsync("GET", $"/public/v1/releases/1", Caller.Anonymous);
        Assert.Equal(4, detail["files"]!.AsArray().Count);
    }

    [Fact]
    public async Task PublicProduct_HidesUnreleasedLineageAndVersions()
    {
        await _world.JsonAsync("POST", "/v1/releases", ApiWorld.User("admin"), """{"cutoff":"2021-02-25"}""", status: 201);
        var detail = await _world.JsonAsync("GET", $"/public/v1/products/{_world.Files["exi-l1-v2"].Id}", Caller.Anonymous);
        Assert.Empty(detail["lineage"]!["inputs"]!.AsArray());
        Assert.Equal([_world.Files["exi-l2"].Id], detail["lineage"]!["derived"]!.AsArray().Select(d => (long)d!["id"]!));
        Assert.Equal(["01-01"], detail["versions"]!.AsArray().Select(v => (string)v!["version"]!));
        Assert.Null(detail["job"]);
        Assert.Equal(302, (await _world.CallAsync("GET", $"/public/v1/products/{_world.Files["exi-l2"].Id}/download", Caller.Anonymous)).Status);
        Assert.Equal(404, (await _world.CallAsync("GET", $"/public/v1/products/{_world.Files["emu-l2"].Id}", Caller.Anonymous)).Status);
        Assert.Equal(404, (await _world.CallAsync("GET", $"/public/v1/products/{_world.Files["exi-l0"].Id}", Caller.Anonymous)).Status);
    }

    [Fact]
    public async Task NewVersionAfterRelease_StaysPrivateUntilTheNextRelease()
    {
        await _world.JsonAsync("POST", "/v1/releases", ApiWorld.User("admin"), """{"cutoff":"2021-02-25"}""", status: 201);
        var released = _world.Files["exi-l2"];
        var file = released.Key.Replace("v01-00", "v01-01", StringComparison.Ordinal);
        var info = await _world.PutAsync("products", file, "a better EXI L2");
        var newer = (await _world.Catalog.Files.RegisterAsync(new Catalog.FileRegistration
        {
            Bucket = "products", Key = file, Kind = Catalog.FileKind.Product, Instrument = "exi", Level = "l2", Descriptor = "f546",
            StartTime = released.StartTime, EndTime = released.EndTime, Orbit = 1, LogicalId = released.LogicalId, VersionMinor = 1,
            SizeBytes = info.Size, Md5 = info.Md5!, Sha256 = info.Sha256!,
        }, _world.Ct)).File;

        var ids = await PublicIdsAsync();
        Assert.Contains(released.Id, ids);
        Assert.DoesNotContain(newer.Id, ids);
        Assert.Equal(404, (await _world.CallAsync("GET", $"/public/v1/products/{newer.Id}", Caller.Anonymous)).Status);

        var second = await _world.JsonAsync("POST", "/v1/releases", ApiWorld.User("admin"), """{"cutoff":"2021-03-01"}""", status: 201);
        Assert.Equal(2, (int)second["number"]!);
        ids = await PublicIdsAsync();
        Assert.Contains(newer.Id, ids);
        Assert.DoesNotContain(released.Id, ids);
        Assert.Contains(_world.Files["emu-l2"].Id, ids);
        var all = await _world.JsonAsync("GET", "/public/v1/products", Caller.Anonymous, query: [("version", "all"), ("instrument", "exi"), ("level", "l2")]);
        Assert.Equal(["01-00", "01-01"], all["products"]!.AsArray().Select(p => (string)p!["version"]!).Order());
        var releases = await _world.JsonAsync("GET", "/public/v1/releases", Caller.Anonymous);
        Assert.Equal([2, 1], releases["releases"]!.AsArray().Select(r => (int)r!["number"]!));
    }

    [Fact]
    public async Task CreateRelease_BadBody_Is400AndCreatesNothing()
    {
        var problem = await _world.JsonAsync("POST", "/v1/releases", ApiWorld.User("admin"), """{"cutoff":"soon"}""", status: 400);
        Assert.Equal("cutoff", (string)problem["parameter"]!);
        var unknown = await _world.JsonAsync("POST", "/v1/releases", ApiWorld.User("admin"), """{"cutoff":"2021-02-25","public":true}""", status: 400);
        Assert.Equal("public", (string)unknown["parameter"]!);
        Assert.Empty(await _world.Catalog.Releases.ListAsync(_world.Ct));
        Assert.Empty(await PublicIdsAsync());
    }

    [Fact]
    public async Task Reprocess_WritesARequestThatStartsAReprocessingRun()
    {
        var accepted = await _world.JsonAsync("POST", "/v1/reprocess", ApiWorld.User("itf-exi"),
            """{"instrument":"exi","from":"2021-02-24","to":"2021-02-25","reason":"new flat"}""", status: 202);
        var request = (string)accepted["request"]!;
        Assert.StartsWith("archive:requests/reprocess-exi-", request, StringComparison.Ordinal);
        var stored = JsonNode.Parse(await ReadAsync("archive", request["archive:".Length..]))!;
        Assert.Equal("reprocessing", (string)stored["kind"]!);
        Assert.Equal("exi", (string)stored["instrument"]!);
        Assert.Contains("new flat", (string)stored["reason"]!, StringComparison.Ordinal);
        Assert.Contains("itf-exi", (string)stored["reason"]!, StringComparison.Ordinal);
        Assert.Equal(Path.GetFileNameWithoutExtension(request), (string)accepted["executionName"]!);
    }

    [Theory]
    [InlineData("""{"instrument":"xyz","from":"2021-02-24","to":"2021-02-25"}""", "instrument")]
    [InlineData("""{"instrument":"exi","from":"2021-02-25","to":"2021-02-24"}""", "to")]
    [InlineData("""{"instrument":"exi","to":"2021-02-24"}""", "from")]
    [InlineData("""{"instrument":"exi","from":"2021-02-24","to":"2021-02-25","priority":1}""", "priority")]
    public async Task Reprocess_BadBody_Is400AndWritesNothing(string body, string field)
    {
        var problem = await _world.JsonAsync("POST", "/v1/reprocess", ApiWorld.User("team"), body, status: 400);
        Assert.Equal(field, (string)problem["parameter"]!);
        await foreach (var _ in _world.Store.ListAsync("archive", "requests/", _world.Ct))
        {
            Assert.Fail("a refused request left an object behind");
        }
    }

    [Fact]
    public async Task Upload_ItfLevel3Name_GetsAPutUrl_PipelineLevelsAreRefused()
    {
        var url = await _world.JsonAsync("POST", "/v1/uploads", ApiWorld.User("itf-exi"), """{"name":"emm_exi_l3_20210224T040000_0001_f546_v01-00.fits"}""");
        Assert.Equal("PUT", (string)url["method"]!);
        Assert.Equal("products:uploads/emm_exi_l3_20210224T040000_0001_f546_v01-00.fits", (string)url["key"]!);
        Assert.Contains("/objects/products/uploads/", (string)url["url"]!, StringComparison.Ordinal);
        var level1 = await _world.JsonAsync("POST", "/v1/uploads", ApiWorld.User("itf-exi"), """{"name":"emm_exi_l1_20210224T040000_0001_f546_v01-00.fits"}""", status: 400);
        Assert.Equal("name", (string)level1["parameter"]!);
        var garbage = await _world.JsonAsync("POST", "/v1/uploads", ApiWorld.User("itf-exi"), """{"name":"../../etc/passwd"}""", status: 400);
        Assert.Equal("name", (string)garbage["parameter"]!);
    }

    [Fact]
    public async Task MeAndConfig_TellWhoAndWhereToSignIn()
    {
        var me = await _world.JsonAsync("GET", "/v1/me", new Caller("ada", ["team", "itf-emu"]));
        Assert.Equal("ada", (string)me["username"]!);
        Assert.Equal(["team", "itf-emu"], me["groups"]!.AsArray().Select(g => (string)g!));
        var config = await _world.JsonAsync("GET", "/public/v1/config", Caller.Anonymous);
        Assert.Equal("sdc-test", (string)config["auth"]!["clientId"]!);
        Assert.Equal("http://127.0.0.1:8080/auth", (string)config["auth"]!["endpoint"]!);
    }

    private async Task<List<long>> PublicIdsAsync()
    {
        var page = await _world.JsonAsync("GET", "/public/v1/products", Caller.Anonymous);
        return [.. page["products"]!.AsArray().Select(p => (long)p!["id"]!)];
    }

    private async Task<string> ReadAsync(string bucket, string key)
    {
        await using var stream = await _world.Store.OpenReadAsync(bucket, key, _world.Ct);
        return await new StreamReader(stream).ReadToEndAsync(_world.Ct);
    }
}
