using System.Text;
using Sdc.Mission.Delivery;

namespace Sdc.Mission.Tests;

public sealed class DeliveryRecordTests
{
    private const string Good = """
        { "record": "emm_moc_20210224T060000_0001.pdr.json", "created": "2021-02-24T06:00:00Z",
          "files": [ { "name": "emm_exi_l0_20210224T000000_0001_sci_v01-00.dat", "size": 10, "md5": "0123456789ABCDEF0123456789abcdef" } ] }
        """;

    private static DeliveryRecord Parse(string json) => DeliveryRecord.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Parse_GoodRecord_ReadsEveryFieldWithLowerCaseMd5()
    {
        var record = Parse(Good);

        Assert.Equal("emm_moc_20210224T060000_0001.pdr.json", record.Record);
        Assert.Equal(new DateTime(2021, 2, 24, 6, 0, 0, DateTimeKind.Utc), record.Created);
        var file = Assert.Single(record.Files);
        Assert.Equal(("emm_exi_l0_20210224T000000_0001_sci_v01-00.dat", 10L, "0123456789abcdef0123456789abcdef"), (file.Name, file.Size, file.Md5));
    }

    [Fact]
    public void WriteTo_ThenRead_RoundTrips()
    {
        var record = Parse(Good);
        using var stream = new MemoryStream();

        record.WriteTo(stream);
        stream.Position = 0;

        Assert.Equal(record.Files, DeliveryRecord.Read(stream).Files);
    }

    [Theory]
    [InlineData("not json", "", "a JSON object")]
    [InlineData("[]", "", "a JSON object")]
    [InlineData("""{ "created": "2021-02-24T06:00:00Z", "files": [] }""", "record", "the record's own file name")]
    [InlineData("""{ "record": "r.pdr.json", "created": "yesterday", "files": [] }""", "created", "ISO 8601")]
    [InlineData("""{ "record": "r.pdr.json", "created": "2021-02-24T06:00:00Z", "files": [] }""", "files", "at least one")]
    [InlineData("""{ "record": "r.pdr.json", "created": "2021-02-24T06:00:00Z", "files": [ { "name": "a", "size": -1, "md5": "0123456789abcdef0123456789abcdef" } ] }""", "files[0].size", "≥ 0")]
    [InlineData("""{ "record": "r.pdr.json", "created": "2021-02-24T06:00:00Z", "files": [ { "name": "a", "size": 1, "md5": "xyz" } ] }""", "files[0].md5", "32 hexadecimal")]
    [InlineData("""{ "record": "r.pdr.json", "created": "2021-02-24T06:00:00Z", "files": [ { "name": "a", "size": 1, "md5sum": "0123456789abcdef0123456789abcdef" } ] }""", "files[0].md5sum", "only")]
    [InlineData("""{ "record": "r.pdr.json", "created": "2021-02-24T06:00:00Z", "files": [ { "name": "../a", "size": 1, "md5": "0123456789abcdef0123456789abcdef" } ] }""", "files[0].name", "without folders")]
    [InlineData("""{ "record": "r.pdr.json", "created": "2021-02-24T06:00:00Z", "files": [ { "name": "a", "size": 1, "md5": "0123456789abcdef0123456789abcdef" }, { "name": "a", "size": 1, "md5": "0123456789abcdef0123456789abcdef" } ] }""", "files[1].name", "each file once")]
    [InlineData("""{ "record": "r.pdr.json", "created": "2021-02-24T06:00:00Z", "files": [ { "name": "r.pdr.json", "size": 1, "md5": "0123456789abcdef0123456789abcdef" } ] }""", "files[0].name", "does not list itself")]
    public void Parse_BadRecord_NamesTheFieldAndWhatWasExpected(string json, string field, string expected)
    {
        var error = Assert.Throws<DeliveryRecordException>(() => Parse(json));

        Assert.Equal(field, error.Field);
        Assert.Contains(expected, error.Expected, StringComparison.Ordinal);
    }
}
