using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sdc.Events.Tests;

/// <summary>AWS's own sample events, verbatim: what the Lambda functions will really be handed.</summary>
public sealed class SampleEventTests
{
    [Fact]
    public void Parse_EventBridgeSample_GivesTheDocumentedObject()
    {
        var created = ObjectCreatedParser.Parse(SampleFiles.Bytes(SampleFiles.EventBridgeObjectCreated));

        var only = Assert.Single(created);
        Assert.Equal(
            new ObjectCreated(
                "amzn-s3-demo-bucket1",
                "example-key",
                5,
                "b1946ac92492d2347c6235b4d2611184",
                "617f08299329d189",
                new DateTimeOffset(2021, 11, 12, 0, 0, 0, TimeSpan.Zero)),
            only);
    }

    [Fact]
    public void Parse_NotificationSample_GivesTheDocumentedObject()
    {
        var created = ObjectCreatedParser.Parse(SampleFiles.Bytes(SampleFiles.NotificationPut));

        var only = Assert.Single(created);
        Assert.Equal(
            new ObjectCreated(
                "mybucket",
                "HappyFace.jpg",
                1024,
                "d41d8cd98f00b204e9800998ecf8427e",
                "0055AED6DCD90281E5",
                DateTimeOffset.UnixEpoch),
            only);
    }

    [Fact]
    public void Parse_SampleFromStream_SameAsFromBytes()
    {
        using var stream = new MemoryStream(SampleFiles.Bytes(SampleFiles.NotificationPut));

        Assert.Equal(ObjectCreatedParser.Parse(SampleFiles.Bytes(SampleFiles.NotificationPut)), ObjectCreatedParser.Parse(stream));
    }

    [Theory]
    [InlineData(SampleFiles.EventBridgeObjectCreated, EventKind.ObjectCreated)]
    [InlineData(SampleFiles.NotificationPut, EventKind.ObjectCreated)]
    [InlineData(SampleFiles.Scheduled, EventKind.Scheduled)]
    [InlineData(SampleFiles.NotificationTestEvent, EventKind.Unknown)]
    public void Classify_Sample_GivesItsKind(string sample, EventKind kind)
    {
        Assert.Equal(kind, EventEnvelope.Classify(SampleFiles.Bytes(sample)));
    }

    [Fact]
    public void Parse_S3TestEvent_ThrowsNamingTheWholeEvent()
    {
        var ex = Assert.Throws<EventFormatException>(() => ObjectCreatedParser.Parse(SampleFiles.Bytes(SampleFiles.NotificationTestEvent)));

        Assert.Equal("$", ex.Path);
        Assert.Contains("'Records'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ScheduledSample_ThrowsNamingDetailType()
    {
        var ex = Assert.Throws<EventFormatException>(() => ObjectCreatedParser.Parse(SampleFiles.Bytes(SampleFiles.Scheduled)));

        Assert.Equal("detail-type", ex.Path);
        Assert.Equal("detail-type: got 'Scheduled Event'; expected 'Object Created'", ex.Message);
    }

    [Fact]
    public void Deserialize_EventBridgeSample_ReadsEveryField()
    {
        var e = JsonSerializer.Deserialize(SampleFiles.Bytes(SampleFiles.EventBridgeObjectCreated), EventJsonContext.Default.S3ObjectCreatedEvent)!;

        Assert.Equal("17793124-05d4-b198-2fde-7ededc63b103", e.Id);
        Assert.Equal("111122223333", e.Account);
        Assert.Equal("ca-central-1", e.Region);
        Assert.Equal(["arn:aws:s3:::amzn-s3-demo-bucket1"], e.Resources);
        Assert.Equal("IYV3p45BT0ac8hjHg1houSdS1a.Mro8e", e.Detail.Object.VersionId);
        Assert.Equal("N4N7GDK58NMKJ12R", e.Detail.RequestId);
        Assert.Equal("123456789012", e.Detail.Requester);
        Assert.Equal("1.2.3.4", e.Detail.SourceIpAddress);
        Assert.Equal("PutObject", e.Detail.Reason);
    }

    [Fact]
    public void Deserialize_NotificationSample_ReadsEveryField()
    {
        var n = JsonSerializer.Deserialize(SampleFiles.Bytes(SampleFiles.NotificationPut), EventJsonContext.Default.S3EventNotification)!;

        var r = Assert.Single(n.Records);
        Assert.Equal("2.1", r.EventVersion);
        Assert.Equal("ObjectCreated:Put", r.EventName);
        Assert.Equal("AIDAJDPLRKLG7UEXAMPLE", r.UserIdentity?.PrincipalId);
        Assert.Equal("127.0.0.1", r.RequestParameters?.SourceIpAddress);
        Assert.Equal("C3D13FE58DE4C810", r.ResponseElements?.RequestId);
        Assert.Equal("testConfigRule", r.S3.ConfigurationId);
        Assert.Equal("A3NL1KOZZKExample", r.S3.Bucket.OwnerIdentity?.PrincipalId);
        Assert.Equal("arn:aws:s3:::mybucket", r.S3.Bucket.Arn);
        Assert.Equal("096fKKXTRTtl3on89fVO.nfljtsv6qko", r.S3.Object.VersionId);
    }

    [Fact]
    public void Deserialize_ScheduledSample_ReadsEveryField()
    {
        var e = JsonSerializer.Deserialize(SampleFiles.Bytes(SampleFiles.Scheduled), EventJsonContext.Default.ScheduledEvent)!;

        Assert.Equal("53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa", e.Id);
        Assert.Equal(ScheduledEvent.ScheduledDetailType, e.DetailType);
        Assert.Equal(ScheduledEvent.EventsSource, e.Source);
        Assert.Equal(new DateTimeOffset(2015, 10, 8, 16, 53, 6, TimeSpan.Zero), e.Time);
        Assert.Equal(["arn:aws:events:us-east-1:123456789012:rule/my-scheduled-rule"], e.Resources);
        Assert.Empty(e.Detail);
    }

    /// <summary>
    /// Reading a sample into the typed shape and writing it back gives the sample again, member for
    /// member: no documented field is dropped, renamed, or written in another format.
    /// </summary>
    [Theory]
    [InlineData(SampleFiles.EventBridgeObjectCreated)]
    [InlineData(SampleFiles.NotificationPut)]
    [InlineData(SampleFiles.Scheduled)]
    public void Serialize_DeserializedSample_GivesTheSampleBack(string sample)
    {
        var bytes = SampleFiles.Bytes(sample);

        var written = sample switch
        {
            SampleFiles.EventBridgeObjectCreated => JsonSerializer.Serialize(
                JsonSerializer.Deserialize(bytes, EventJsonContext.Default.S3ObjectCreatedEvent)!, EventJsonContext.Default.S3ObjectCreatedEvent),
            SampleFiles.NotificationPut => JsonSerializer.Serialize(
                JsonSerializer.Deserialize(bytes, EventJsonContext.Default.S3EventNotification)!, EventJsonContext.Default.S3EventNotification),
            _ => JsonSerializer.Serialize(
                JsonSerializer.Deserialize(bytes, EventJsonContext.Default.ScheduledEvent)!, EventJsonContext.Default.ScheduledEvent),
        };

        Assert.True(
            JsonNode.DeepEquals(SampleFiles.Node(sample), JsonNode.Parse(written)),
            $"Wrote {written}");
    }
}
