using System.Text;
using System.Text.Json;

namespace Sdc.Events.Tests;

public sealed class EventEnvelopeTests
{
    private static readonly DateTimeOffset Time = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Classify_CreatedObjectEvent_IsObjectCreated()
    {
        var e = S3ObjectCreatedEvent.Create("b", "k", 1, null, Time, "01");

        Assert.Equal(EventKind.ObjectCreated, EventEnvelope.Classify(JsonSerializer.SerializeToUtf8Bytes(e, EventJsonContext.Default.S3ObjectCreatedEvent)));
    }

    [Fact]
    public void Classify_CreatedScheduledEvent_IsScheduled()
    {
        var e = ScheduledEvent.Create("sdc-nightly-reprocess", Time);

        Assert.Equal(EventKind.Scheduled, EventEnvelope.Classify(JsonSerializer.SerializeToUtf8Bytes(e, EventJsonContext.Default.ScheduledEvent)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("42")]
    [InlineData("{\"source\":\"aws.s3\",\"detail-type\":\"Object Deleted\"}")]
    [InlineData("{\"source\":\"aws.s3\",\"detail-type\":\"Scheduled Event\"}")]
    [InlineData("{\"source\":\"aws.events\",\"detail-type\":\"Object Created\"}")]
    [InlineData("{\"source\":\"aws.events\"}")]
    [InlineData("{\"detail-type\":\"Scheduled Event\"}")]
    [InlineData("{\"source\":[\"aws.events\"],\"detail-type\":\"Scheduled Event\"}")]
    [InlineData("{\"Records\":[]}")]
    [InlineData("{\"Records\":{}}")]
    [InlineData("{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectRemoved:Delete\"}]}")]
    [InlineData("{\"Records\":[{\"eventSource\":\"aws:sqs\",\"body\":\"{}\"}]}")]
    [InlineData("{\"Records\":[{\"eventSource\":\"aws:sqs\",\"eventName\":\"ObjectCreated:Put\"}]}")]
    [InlineData("{\"source\":\"aws.events\",\"detail-type\":\"Scheduled Event\"} trailing")]
    public void Classify_AnythingElse_IsUnknown(string text)
    {
        Assert.Equal(EventKind.Unknown, EventEnvelope.Classify(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Classify_NotificationWithOneCreatedAmongOthers_IsObjectCreated()
    {
        var json = """
            {"Records":[{"eventSource":"aws:s3","eventName":"ObjectRemoved:Delete"},
                        {"eventSource":"aws:s3","eventName":"ObjectCreated:Copy"}]}
            """u8;

        Assert.Equal(EventKind.ObjectCreated, EventEnvelope.Classify(json));
    }

    [Fact]
    public void Classify_MinimalScheduledEvent_IsScheduled()
    {
        Assert.Equal(EventKind.Scheduled, EventEnvelope.Classify("""{"detail-type":"Scheduled Event","source":"aws.events"}"""u8));
    }
}
