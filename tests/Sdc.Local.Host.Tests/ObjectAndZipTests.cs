using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Sdc.Local.Host.Tests;

/// <summary>Signed object URLs behave as S3's presigned ones (ranges, expiry, tampering), and the local zip download streams the checked files.</summary>
public sealed class ObjectAndZipTests(HostWorld world) : IClassFixture<HostWorld>
{
    [Fact]
    public async Task Download_FollowedToTheSignedUrl_GivesTheCatalogedBytes_AndRanges()
    {
        var file = world.Api.Files["exi-l2"];
        using var redirect = await world.SendAsync(HttpMethod.Get, $"/v1/products/{file.Id}/download", await world.TokenAsync("team"));
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        var url = redirect.Headers.Location!;
        var bytes = await world.Http.GetByteArrayAsync(url);
        Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));

        using var range = new HttpRequestMessage(HttpMethod.Get, url);
        range.Headers.Range = new RangeHeaderValue(5, null);
        using var partial = await world.Http.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(bytes[5..], await partial.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task SignedUrl_Tampered_Is403()
    {
        var file = world.Api.Files["exi-l2"];
        using var redirect = await world.SendAsync(HttpMethod.Get, $"/v1/products/{file.Id}/download", await world.TokenAsync("team"));
        var url = redirect.Headers.Location!.AbsoluteUri;
        var other = url.Replace("exi/l2", "exi/l1", StringComparison.Ordinal);
        using var forged = await world.Http.GetAsync(other);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        using var unsigned = await world.Http.GetAsync(url[..url.IndexOf('?', StringComparison.Ordinal)]);
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        using var put = await world.Http.PutAsync(url, new ByteArrayContent([1, 2, 3]));
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
    }

    [Fact]
    public async Task Zip_HoldsEveryRequestedFileWhole()
    {
        var ids = new[] { world.Api.Files["exi-l2"].Id, world.Api.Files["exi-ql"].Id };
        using var response = await world.SendAsync(HttpMethod.Post, "/v1/downloads/zip", await world.TokenAsync("itf-exi"),
            new JsonObject { ["ids"] = new JsonArray([.. ids.Select(i => (JsonNode)i)]) }.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        foreach (var id in ids)
        {
            var file = world.Api.Files.Values.Single(f => f.Id == id);
            var entry = zip.GetEntry(file.Key[(file.Key.LastIndexOf('/') + 1)..])!;
            await using var stream = entry.Open();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(copy.ToArray())));
        }
    }

    [Fact]
    public async Task Zip_ForbiddenFile_Is403AndNoZip()
    {
        using var response = await world.SendAsync(HttpMethod.Post, "/v1/downloads/zip", await world.TokenAsync("itf-exi"),
            $$"""{"ids":[{{world.Api.Files["emr-l1"].Id}}]}""");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Upload_PutToTheSignedUrl_StoresTheBytes()
    {
        using var answer = await world.SendAsync(HttpMethod.Post, "/v1/uploads", await world.TokenAsync("itf-exi"),
            """{"name":"emm_exi_l3_20210224T040000_0001_f546_v01-00.fits"}""");
        var target = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        using var put = await world.Http.PutAsync((string)target["url"]!, new ByteArrayContent("level 3 bytes"u8.ToArray()));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var info = await world.Api.Store.HeadAsync("products", "uploads/emm_exi_l3_20210224T040000_0001_f546_v01-00.fits");
        Assert.Equal("level 3 bytes".Length, info!.Size);
    }
}
