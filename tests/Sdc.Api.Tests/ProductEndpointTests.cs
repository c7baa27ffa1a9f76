using System.Globalization;
using System.Text.Json.Nodes;
using System.Web;
using Sdc.Storage.FileSystem;

namespace Sdc.Api.Tests;

/// <summary>Search, paging, metadata with lineage and versions, downloads: what a scientist's script relies on.</summary>
public sealed class ProductEndpointTests(ApiWorld world) : ProductEndpointChecks(world), IClassFixture<ApiWorld>;

/// <summary>The same checks with the catalog on PostgreSQL.</summary>
public sealed class ProductEndpointPostgresTests(PostgresApiWorld world) : ProductEndpointChecks(world), IClassFixture<PostgresApiWorld>;

/// <summary>The product endpoint checks, run on each catalog engine.</summary>
public abstract class ProductEndpointChecks(ApiWorld world)
{
    private static readonly Http.Caller Team = ApiWorld.User("team");

    [Fact]
    public async Task Search_Defaults_ReturnsLatestProductsAndQuicklooksInTimeOrder()
    {
        var page = await world.JsonAsync("GET", "/v1/products", Team);
        var names = page["products"]!.AsArray().Select(p => (string)p!["name"]!).ToList();
        Assert.Equal(
        [
            "emm_exi_l1_20210224T040000_0001_f546_v01-01.fits", "emm_exi_l2_20210224T040000_0001_f546_v01-00.fits",
            "emm_exi_ql_20210224T040000_0001_f546_v01-00.png", "emm_emr_l1_20210224T060000_0002_spe_v01-00.fits",
            "emm_emu_l2_20210225T010000_0005_spe_v01-00.fits",
        ], names);
        Assert.Null(page["nextCursor"]?.GetValue<string>());
    }

    [Fact]
    public async Task Search_FieldsOfAProduct_AreTheContract()
    {
        var page = await world.JsonAsync("GET", "/v1/products", Team, query: [("instrument", "exi"), ("level", "l1")]);
        var product = page["products"]!.AsArray().Single()!;
        var file = world.Files["exi-l1-v2"];
        Assert.Equal(file.Id, (long)product["id"]!);
        Assert.Equal("01-01", (string)product["version"]!);
        Assert.True((bool)product["isLatest"]!);
        Assert.Equal("2021-02-24T04:00:00Z", (string)product["startTime"]!);
        Assert.Equal("2021-02-24T05:00:00Z", (string)product["endTime"]!);
        Assert.Equal(file.Sha256, (string)product["sha256"]!);
        Assert.Equal(file.SizeBytes, (long)product["sizeBytes"]!);
        Assert.Equal("product", (string)product["kind"]!);
        Assert.Equal(1, (int)product["orbit"]!);
        Assert.True(product.AsObject().ContainsKey("release"));
    }

    [Fact]
    public async Task Search_VersionAll_ReturnsBothVersions()
    {
        var page = await world.JsonAsync("GET", "/v1/products", Team, query: [("instrument", "exi"), ("level", "l1"), ("version", "all")]);
        Assert.Equal(["01-00", "01-01"], page["products"]!.AsArray().Select(p => (string)p!["version"]!).Order());
    }

    [Fact]
    public async Task Search_TimeWindowAndOrbit_Filter()
    {
        var window = await world.JsonAsync("GET", "/v1/products", Team, query: [("from", "2021-02-25"), ("to", "2021-02-26")]);
        Assert.Equal(["emu"], window["products"]!.AsArray().Select(p => (string)p!["instrument"]!));
        var orbit = await world.JsonAsync("GET", "/v1/products", Team, query: [("orbit", "2")]);
        Assert.Equal(["emr"], orbit["products"]!.AsArray().Select(p => (string)p!["instrument"]!));
    }

    [Fact]
    public async Task Search_CursorPaging_VisitsEveryProductOnce()
    {
        var seen = new List<long>();
        string? cursor = null;
        do
        {
            (string, string)[] query = cursor is null ? [("limit", "2")] : [("limit", "2"), ("cursor", cursor)];
            var page = await world.JsonAsync("GET", "/v1/products", Team, query: query);
            var items = page["products"]!.AsArray();
            Assert.InRange(items.Count, 1, 2);
            seen.AddRange(items.Select(p => (long)p!["id"]!));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        Assert.Equal(5, seen.Count);
        Assert.Equal(5, seen.Distinct().Count());
    }

    [Fact]
    public async Task Search_InstrumentTeamWithoutInstrument_SeesOnlyItsInstrument()
    {
        var page = await world.JsonAsync("GET", "/v1/products", ApiWorld.User("itf-emu"));
        Assert.Equal(["emu"], page["products"]!.AsArray().Select(p => (string)p!["instrument"]!).Distinct());
    }

    [Theory]
    [InlineData("instrumnet", "exi", "instrumnet", "one of: instrument")]
    [InlineData("limit", "1001", "limit", "an integer from 1 to 1000")]
    [InlineData("limit", "0", "limit", "an integer from 1 to 1000")]
    [InlineData("orbit", "-1", "orbit", "an integer")]
    [InlineData("version", "newest", "version", "one of: latest, all")]
    [InlineData("from", "24/02/2021", "from", "a UTC date")]
    [InlineData("cursor", "not-a-cursor", "cursor", "the nextCursor of a previous page")]
    [InlineData("instrument", "exi' OR '1'='1", "instrument", "an instrument id")]
    [InlineData("descriptor", "f546; DROP TABLE files; --", "descriptor", "a descriptor")]
    [InlineData("level", "l1\" UNION SELECT * FROM users --", "level", "a level id")]
    public async Task Search_BadParameter_Is400NamingItAndTheAcceptedForm(string name, string value, string parameter, string expected)
    {
        var before = await world.Catalog.GetStatsAsync(world.Ct);
        var problem = await world.JsonAsync("GET", "/v1/products", Team, status: 400, query: [(name, value)]);
        Assert.Equal(parameter, (string)problem["parameter"]!);
        Assert.Contains(expected, (string)problem["expected"]!, StringComparison.Ordinal);
        Assert.Equal("urn:sdc:problem:bad-parameter", (string)problem["type"]!);
        Assert.Equal(400, (int)problem["status"]!);
        var after = await world.Catalog.GetStatsAsync(world.Ct);
        Assert.Equal(before.Volumes, after.Volumes);
    }

    [Fact]
    public async Task Search_OversizedAndRepeatedParameters_Are400()
    {
        var huge = await world.JsonAsync("GET", "/v1/products", Team, status: 400, query: [("descriptor", new string('a', 100_000))]);
        Assert.Equal("descriptor", (string)huge["parameter"]!);
        Assert.Contains("at most 256", (string)huge["expected"]!, StringComparison.Ordinal);
        var twice = await world.JsonAsync("GET", "/v1/products", Team, status: 400, query: [("level", "l1"), ("level", "l2")]);
        Assert.Equal("level", (string)twice["parameter"]!);
    }

    [Fact]
    public async Task Search_ToBeforeFrom_Is400()
    {
        var problem = await world.JsonAsync("GET", "/v1/products", Team, status: 400, query: [("from", "2021-02-25"), ("to", "2021-02-24")]);
        Assert.Equal("to", (string)problem["parameter"]!);
    }

    [Fact]
    public async Task Product_Detail_HasLineageVersionsAndJob()
    {
        var id = world.Files["exi-l1-v2"].Id;
        var detail = await world.JsonAsync("GET", $"/v1/products/{id}", Team);
        var inputs = detail["lineage"]!["inputs"]!.AsArray().Select(i => ((string)i!["role"]!, (long)i["id"]!)).ToList();
        Assert.Contains(("input", world.Files["exi-l0"].Id), inputs);
        Assert.Contains(("kernel", world.Files["spk"].Id), inputs);
        Assert.Contains(("calibration", world.Files["exi-cal"].Id), inputs);
        Assert.Equal([world.Files["exi-l2"].Id], detail["lineage"]!["derived"]!.AsArray().Select(d => (long)d!["id"]!));
        Assert.Equal(["01-01", "01-00"], detail["versions"]!.AsArray().Select(v => (string)v!["version"]!));
        Assert.Equal(world.ExiJob.Id, (long)detail["job"]!["id"]!);
        Assert.Equal("WARNING", (string)detail["job"]!["status"]!);
    }

    [Fact]
    public async Task Product_UnknownOrBadId_Is404Or400()
    {
        Assert.Equal(404, (await world.CallAsync("GET", "/v1/products/999999", Team)).Status);
        var bad = await world.JsonAsync("GET", "/v1/products/1%20OR%201=1", Team, status: 400);
        Assert.Equal("id", (string)bad["parameter"]!);
        Assert.Equal(404, (await world.CallAsync("GET", "/v1/nothing", Team)).Status);
        Assert.Equal(405, (await world.CallAsync("DELETE", "/v1/products", Team)).Status);
    }

    [Fact]
    public async Task Download_RedirectsToASignedUrlValidFifteenMinutes()
    {
        var file = world.Files["exi-l2"];
        var response = await world.CallAsync("GET", $"/v1/products/{file.Id}/download", Team);
        Assert.Equal(302, response.Status);
        var location = new Uri(response.Headers["Location"]);
        var query = HttpUtility.ParseQueryString(location.Query);
        var expires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(query["expires"]!, CultureInfo.InvariantCulture));
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
        var key = Uri.UnescapeDataString(location.AbsolutePath["/objects/products/".Length..]);
        Assert.Equal(file.Key, key);
        Assert.Equal(PresignedUrlStatus.Valid, world.Store.VerifyPresignedUrl("GET", "products", key, query["expires"], query["signature"]));
    }

    [Fact]
    public async Task BulkDownload_ListsEveryFileWithChecksumsAndUrls()
    {
        var ids = new[] { world.Files["exi-l2"].Id, world.Files["exi-ql"].Id };
        var list = await world.JsonAsync("POST", "/v1/downloads", Team, $$"""{"ids":[{{ids[0]}},{{ids[1]}}]}""");
        var files = list["files"]!.AsArray();
        Assert.Equal(ids, files.Select(f => (long)f!["id"]!));
        Assert.Equal(world.Files["exi-l2"].Sha256, (string)files[0]!["sha256"]!);
        Assert.StartsWith(ApiWorld.BaseUrl + "objects/products/", (string)files[0]!["url"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"idz":[1]}""", "idz")]
    [InlineData("""{"ids":["1"]}""", "ids[0]")]
    [InlineData("""{"ids":[]}""", "ids")]
    [InlineData("""not json""", null)]
    public async Task BulkDownload_BadBody_Is400NamingTheField(string body, string? field)
    {
        var problem = await world.JsonAsync("POST", "/v1/downloads", Team, body, status: 400);
        Assert.Equal("urn:sdc:problem:bad-body", (string)problem["type"]!);
        Assert.Equal(field, problem["parameter"]?.GetValue<string>());
    }

    [Fact]
    public async Task BulkDownload_TooManyIds_Is400()
    {
        var body = new JsonObject { ["ids"] = new JsonArray([.. Enumerable.Range(1, 1001).Select(i => (JsonNode)i)]) }.ToJsonString();
        var problem = await world.JsonAsync("POST", "/v1/downloads", Team, body, status: 400);
        Assert.Equal("ids", (string)problem["parameter"]!);
    }

    [Fact]
    public async Task Files_ListsLevelZeroAndAncillaryNotProducts()
    {
        var all = await world.JsonAsync("GET", "/v1/files", Team, query: [("version", "all")]);
        var kinds = all["files"]!.AsArray().Select(f => (string)f!["kind"]!).Distinct().Order().ToList();
        Assert.Equal(["calibration", "housekeeping", "kernel", "science"], kinds);
        var kernels = await world.JsonAsync("GET", "/v1/files", ApiWorld.User("itf-emr"), query: [("kind", "kernel")]);
        Assert.Equal([world.Files["spk"].Id], kernels["files"]!.AsArray().Select(f => (long)f!["id"]!));
        var emr = await world.JsonAsync("GET", "/v1/files", ApiWorld.User("itf-emr"));
        Assert.Equal([world.Files["emr-l0"].Id], emr["files"]!.AsArray().Select(f => (long)f!["id"]!));
    }

    [Fact]
    public async Task Coverage_CountsLatestFilesPerInstrumentAndDay()
    {
        var coverage = await world.JsonAsync("GET", "/v1/coverage", Team);
        var days = coverage["days"]!.AsArray().Select(d => ((string)d!["instrument"]!, (string)d["day"]!, (string)d["highestLevel"]!)).ToList();
        Assert.Contains(("exi", "2021-02-24", "l2"), days);
        Assert.Contains(("emu", "2021-02-25", "l2"), days);
        var exiOnly = await world.JsonAsync("GET", "/v1/coverage", ApiWorld.User("itf-exi"));
        Assert.All(exiOnly["days"]!.AsArray(), d => Assert.Equal("exi", (string)d!["instrument"]!));
    }
}
