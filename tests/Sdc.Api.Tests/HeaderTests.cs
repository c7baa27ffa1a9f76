namespace Sdc.Api.Tests;

/// <summary>The FITS header view of a product (a world of its own: it adds a product).</summary>
public sealed class HeaderTests(ApiWorld world) : IClassFixture<ApiWorld>
{
    private static readonly Http.Caller Team = ApiWorld.User("team");

    [Fact]
    public async Task Header_OfAFitsProduct_ListsItsCards_OtherFilesAre404()
    {
        static string Card(string text) => text.PadRight(80);
        var header = Card("SIMPLE  =                    T / conforms to FITS") + Card("BITPIX  =                    8")
            + Card("NAXIS   =                    0") + Card("INSTRUME= 'EXI     '           / instrument") + Card("OBJECT  = 'Mars''s limb / disk' / quote and slash")
            + Card("HISTORY made by a test") + Card("END");
        var key = "exi/l2/2021/02/24/emm_exi_l2_20210224T080000_0002_f546_v01-00.fits";
        var info = await world.PutAsync("products", key, header.PadRight(2880));
        var file = (await world.Catalog.Files.RegisterAsync(new Catalog.FileRegistration
        {
            Bucket = "products", Key = key, Kind = Catalog.FileKind.Product, Instrument = "exi", Level = "l2", Descriptor = "f546",
            StartTime = ApiWorld.Day.AddHours(8), EndTime = ApiWorld.Day.AddHours(8.5), Orbit = 2, SizeBytes = info.Size, Md5 = info.Md5!, Sha256 = info.Sha256!,
        }, world.Ct)).File;

        var cards = (await world.JsonAsync("GET", $"/v1/products/{file.Id}/header", Team))["cards"]!.AsArray();
        var byKeyword = cards.ToDictionary(c => (string)c!["keyword"]!, c => c!);
        Assert.Equal(6, cards.Count);
        Assert.Equal("T", (string)byKeyword["SIMPLE"]["value"]!);
        Assert.Equal("conforms to FITS", (string)byKeyword["SIMPLE"]["comment"]!);
        Assert.Equal("EXI", (string)byKeyword["INSTRUME"]["value"]!);
        Assert.Equal("Mars's limb / disk", (string)byKeyword["OBJECT"]["value"]!);
        Assert.Equal("quote and slash", (string)byKeyword["OBJECT"]["comment"]!);
        Assert.Equal("made by a test", (string)byKeyword["HISTORY"]["comment"]!);
        Assert.Equal(404, (await world.CallAsync("GET", $"/v1/products/{world.Files["exi-ql"].Id}/header", Team)).Status);
        Assert.Equal(404, (await world.CallAsync("GET", $"/v1/products/{world.Files["exi-l1"].Id}/header", Team)).Status);
        Assert.Equal(404, (await world.CallAsync("GET", $"/public/v1/products/{file.Id}/header", Http.Caller.Anonymous)).Status);
        Assert.Equal(401, (await world.CallAsync("GET", $"/v1/products/{file.Id}/header", Http.Caller.Anonymous)).Status);
        Assert.Equal(403, (await world.CallAsync("GET", $"/v1/products/{file.Id}/header", ApiWorld.User("itf-emr"))).Status);
    }
}
