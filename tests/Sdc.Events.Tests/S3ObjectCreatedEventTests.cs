using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sdc.Events.Tests;

public sealed class S3ObjectCreatedEventTests
{
    private static readonly DateTimeOffset Time = new(2024, 3, 1, 12, 34, 56, TimeSpan.Zero);

    [Fact]
    public void Create_WithDefaults_FillsTheEnvelopeAsAwsDoes()
    {
        var e = S3ObjectCreatedEvent.Create("sdc-inbox", "l0/a.dat", 10, "e", Time, "0A");

        Assert.Equal("0", e.Version);
        Assert.Equal("Object Created", e.DetailType);
        Assert.Equal("aws.s3", e.Source);
        Assert.Equal("000000000000", e.Account);
        Assert.Equal("us-east-1", e.Region);
        Assert.Equal(["arn:aws:s3:::sdc-inbox"], e.Resources);
        Assert.True(Guid.TryParse(e.Id, out _), e.Id);
        Assert.Equal("0", e.Detail.Version);
        Assert.Equal("sdc-inbox", e.Detail.Bucket.Name);
        Assert.Equal("l0/a.dat", e.Detail.Object.Key);
        Assert.Equal(10, e.Detail.Object.Size);
        Assert.Equal("0A", e.Detail.Object.Sequencer);
        Assert.Null(e.Detail.Object.VersionId);
        Assert.Equal("000000000000", e.Detail.Requester);
        Assert.Equal("127.0.0.1", e.Detail.SourceIpAddress);
        Assert.Equal("PutObject", e.Detail.Reason);
        Assert.Matches("^[0-9A-F]{16}$", e.Detail.RequestId);
    }

    [Fact]
    public void Create_GivenAccountRegionAndVersion_UsesThem()
    {
        var e = S3ObjectCreatedEvent.Create("b", "k", 1, null, Time, "01", versionId: "v1", reason: "CompleteMultipartUpload", account: "111122223333", region: "eu-west-1");

        Assert.Equal("111122223333", e.Account);
        Assert.Equal("111122223333", e.Detail.Requester);
        Assert.Equal("eu-west-1", e.Region);
        Assert.Equal("v1", e.Detail.Object.VersionId);
        Assert.Equal("CompleteMultipartUpload", e.Detail.Reason);
    }

    [Fact]
    public void Create_Twice_GivesDifferentIds()
    {
        var a = S3ObjectCreatedEvent.Create("b", "k", 1, null, Time, "01");
        var b = S3ObjectCreatedEvent.Create("b", "k", 1, null, Time, "01");

        Assert.NotEqual(a.Id, b.Id);
        Assert.NotEqual(a.Detail.RequestId, b.Detail.RequestId);
    }

    [Fact]
    public void Create_TimeWithFractionAndOffset_GivesWholeUtcSeconds()
    {
        var local = new DateTimeOffset(2024, 3, 1, 14, 34, 56, 987, TimeSpan.FromHours(2));

        var e = S3ObjectCreatedEvent.Create("b", "k", 1, null, local, "01");

        Assert.Equal(Time, e.Time);
        Assert.Equal(TimeSpan.Zero, e.Time.Offset);
    }

    [Fact]
    public void Serialize_CreatedEvent_HasTheDocumentedSampleShape()
    {
        var e = S3ObjectCreatedEvent.Create("b", "k", 1, "e", Time, "01", versionId: "v1");

        var json = JsonNode.Parse(JsonSerializer.Serialize(e, EventJsonContext.Default.S3ObjectCreatedEvent))!;

        Assert.Equal(JsonShape.Of(SampleFiles.Node(SampleFiles.EventBridgeObjectCreated)), JsonShape.Of(json));
    }

    [Fact]
    public void Serialize_CreatedEvent_WritesAwsNamesAndTimeFormat()
    {
        var e = S3ObjectCreatedEvent.Create("b", "k", 1, null, Time, "01");

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(e, EventJsonContext.Default.S3ObjectCreatedEvent));

        var root = json.RootElement;
        Assert.Equal("2024-03-01T12:34:56Z", root.GetProperty("time").GetString());
        Assert.Equal("Object Created", root.GetProperty("detail-type").GetString());
        Assert.Equal("127.0.0.1", root.GetProperty("detail").GetProperty("source-ip-address").GetString());
        var item = root.GetProperty("detail").GetProperty("object");
        Assert.False(item.TryGetProperty("etag", out _));
        Assert.False(item.TryGetProperty("version-id", out _));
        Assert.False(root.GetProperty("detail").TryGetProperty("event-version", out _));
    }

    [Fact]
    public void Create_BadArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => S3ObjectCreatedEvent.Create("", "k", 1, null, Time, "01"));
        Assert.Throws<ArgumentException>(() => S3ObjectCreatedEvent.Create("b", "", 1, null, Time, "01"));
        Assert.Throws<ArgumentOutOfRangeException>(() => S3ObjectCreatedEvent.Create("b", "k", -1, null, Time, "01"));
        var ex = Assert.Throws<ArgumentException>(() => S3ObjectCreatedEvent.Create("b", "k", 1, null, Time, "12:00"));
        Assert.Equal("sequencer", ex.ParamName);
    }
}
