using System.Text;
using System.Text.Json;

namespace Sdc.Events.Tests;

public sealed class ObjectCreatedParserTests
{
    private static readonly DateTimeOffset Noon = new(2024, 3, 1, 12, 34, 56, TimeSpan.Zero);

    public static TheoryData<string> Keys => new()
    {
        "l0/exi/2024/01/emm_exi_l0_20240101.dat",
        "a b/c+d=e&f%20g.txt",
        "café/élan ☉/\U0001F680.fits",
        "dt=2018-05-04/_SUCCESS",
        "100%",
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void Parse_CreatedEventSerialized_RoundTrips(string key)
    {
        var e = S3ObjectCreatedEvent.Create("sdc-inbox", key, 42, "9b2cf535f27731c974343645a3985328", Noon.AddMilliseconds(789), "0065E1C8A0B1C2D3E4");
        var json = JsonSerializer.SerializeToUtf8Bytes(e, EventJsonContext.Default.S3ObjectCreatedEvent);

        var created = ObjectCreatedParser.Parse(json);

        Assert.Equal(
            [new ObjectCreated("sdc-inbox", key, 42, "9b2cf535f27731c974343645a3985328", "0065E1C8A0B1C2D3E4", Noon)],
            created);
    }

    [Fact]
    public void Parse_CreatedEventWithoutETag_GivesNullETag()
    {
        var e = S3ObjectCreatedEvent.Create("b", "k", 0, null, Noon, "01");

        var only = Assert.Single(ObjectCreatedParser.Parse(JsonSerializer.SerializeToUtf8Bytes(e, EventJsonContext.Default.S3ObjectCreatedEvent)));

        Assert.Null(only.ETag);
        Assert.Equal(0, only.Size);
    }

    [Theory]
    [InlineData("red+flower.jpg", "red flower.jpg")]
    [InlineData("a%2Bb.txt", "a+b.txt")]
    [InlineData("caf%C3%A9.fits", "café.fits")]
    [InlineData("caf%c3%a9.fits", "café.fits")]
    [InlineData("%E2%98%89+sun/x", "☉ sun/x")]
    [InlineData("rocket%F0%9F%9A%80", "rocket\U0001F680")]
    [InlineData("dt%3D2018-05-04/_SUCCESS", "dt=2018-05-04/_SUCCESS")]
    [InlineData("test%2F10%3A47%3A07.log", "test/10:47:07.log")]
    [InlineData("100%25+done", "100% done")]
    [InlineData("plain/key.dat", "plain/key.dat")]
    public void Parse_NotificationKey_IsUrlDecoded(string encoded, string key)
    {
        var json = JsonEdit.Apply(SampleFiles.NotificationPut, "Records[0].s3.object.key", JsonSerializer.Serialize(encoded, EventJsonContext.Default.String));

        Assert.Equal(key, Assert.Single(ObjectCreatedParser.Parse(json)).Key);
    }

    [Theory]
    [InlineData("red+flower.jpg")]
    [InlineData("caf%C3%A9 x.fits")]
    [InlineData("100%")]
    public void Parse_EventBridgeKey_IsTakenAsItIs(string key)
    {
        var json = JsonEdit.Apply(SampleFiles.EventBridgeObjectCreated, "detail.object.key", JsonSerializer.Serialize(key, EventJsonContext.Default.String));

        Assert.Equal(key, Assert.Single(ObjectCreatedParser.Parse(json)).Key);
    }

    [Fact]
    public void Parse_NotificationWithOtherEventNames_KeepsOnlyCreatedInOrder()
    {
        var json = Notification(
            Record("ObjectRemoved:Delete", "gone.dat"),
            Record("ObjectCreated:Copy", "first.dat"),
            Record("ObjectRestore:Completed", "cold.dat"),
            Record("ObjectCreated:CompleteMultipartUpload", "second+part.dat"));

        var created = ObjectCreatedParser.Parse(json);

        Assert.Equal(["first.dat", "second part.dat"], created.Select(c => c.Key));
    }

    [Fact]
    public void Parse_NotificationWithOnlyRemovals_GivesNothing()
    {
        Assert.Empty(ObjectCreatedParser.Parse(Notification(Record("ObjectRemoved:Delete", "a"), Record("ObjectRemoved:DeleteMarkerCreated", "b"))));
    }

    [Fact]
    public void Parse_NotificationWithNoRecords_GivesNothing()
    {
        Assert.Empty(ObjectCreatedParser.Parse("""{"Records":[]}"""u8));
    }

    [Fact]
    public void Parse_Version22ReplicationRecord_IsRead()
    {
        var json = Notification(Record("ObjectCreated:Put", "replica.dat", version: "2.2", extra: """
            ,"replicationEventData":{"replicationRuleId":"rule-1","destinationBucket":"arn:aws:s3:::dest","s3Operation":"OBJECT_PUT"}
            """));

        Assert.Equal("replica.dat", Assert.Single(ObjectCreatedParser.Parse(json)).Key);
    }

    [Fact]
    public void Parse_RecordWithoutETagAndSequencer_GivesNulls()
    {
        var json = Encoding.UTF8.GetBytes("""
            {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventTime":"2024-03-01T12:34:56.000Z",
              "eventName":"ObjectCreated:Post","s3":{"bucket":{"name":"b"},"object":{"key":"k","size":7}}}]}
            """);

        Assert.Equal([new ObjectCreated("b", "k", 7, null, null, Noon)], ObjectCreatedParser.Parse(json));
    }

    [Fact]
    public void Parse_TimeWithOffset_IsGivenInUtc()
    {
        var json = JsonEdit.Apply(SampleFiles.EventBridgeObjectCreated, "time", "\"2024-03-01T14:34:56+02:00\"");

        var time = Assert.Single(ObjectCreatedParser.Parse(json)).Time;

        Assert.Equal(Noon, time);
        Assert.Equal(TimeSpan.Zero, time.Offset);
    }

    [Fact]
    public void Parse_DetailWithEventVersion_IsRead()
    {
        var json = JsonEdit.Apply(SampleFiles.EventBridgeObjectCreated, "detail.event-version", "\"1.0\"");

        Assert.Equal("example-key", Assert.Single(ObjectCreatedParser.Parse(json)).Key);
    }

    [Fact]
    public void Serialize_ObjectCreatedList_RoundTrips()
    {
        IReadOnlyList<ObjectCreated> list = [new("b", "a b", 1, null, "0A", Noon), new("b", "c", 2, "e", null, Noon)];

        var json = JsonSerializer.Serialize(list, EventJsonContext.Default.IReadOnlyListObjectCreated);

        Assert.Equal(list, JsonSerializer.Deserialize(json, EventJsonContext.Default.IReadOnlyListObjectCreated));
    }

    private static byte[] Notification(params string[] records) =>
        Encoding.UTF8.GetBytes($$$"""{"Records":[{{{string.Join(',', records)}}}]}""");

    private static string Record(string eventName, string key, string version = "2.1", string extra = "") => $$$"""
        {"eventVersion":"{{{version}}}","eventSource":"aws:s3","awsRegion":"us-east-1","eventTime":"2024-03-01T12:34:56.000Z",
         "eventName":"{{{eventName}}}","s3":{"s3SchemaVersion":"1.0","bucket":{"name":"sdc-inbox","arn":"arn:aws:s3:::sdc-inbox"},
         "object":{"key":"{{{key}}}","size":3,"eTag":"acbd18db4cc2f85cedef654fccc4a4d8","sequencer":"0065E1C8A0B1C2D3E4"}}{{{extra}}}}
        """;
}
