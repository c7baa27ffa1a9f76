using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sdc.Events.Tests;

public sealed class ScheduledEventTests
{
    private static readonly DateTimeOffset Time = new(2024, 3, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_WithDefaults_NamesTheRuleInResources()
    {
        var e = ScheduledEvent.Create("sdc-nightly", Time.AddMilliseconds(250));

        Assert.Equal("Scheduled Event", e.DetailType);
        Assert.Equal("aws.events", e.Source);
        Assert.Equal(Time, e.Time);
        Assert.Equal(["arn:aws:events:us-east-1:000000000000:rule/sdc-nightly"], e.Resources);
        Assert.True(Guid.TryParse(e.Id, out _), e.Id);
        Assert.Empty(e.Detail);
    }

    [Fact]
    public void Serialize_CreatedEvent_HasTheDocumentedSampleShape()
    {
        var e = ScheduledEvent.Create("sdc-nightly", Time, account: "123456789012", region: "eu-west-1");

        var text = JsonSerializer.Serialize(e, EventJsonContext.Default.ScheduledEvent);

        Assert.Equal(JsonShape.Of(SampleFiles.Node(SampleFiles.Scheduled)), JsonShape.Of(JsonNode.Parse(text)!));
        Assert.Contains("\"detail\":{}", text, StringComparison.Ordinal);
        Assert.Contains("\"time\":\"2024-03-01T02:00:00Z\"", text, StringComparison.Ordinal);
        Assert.Contains("arn:aws:events:eu-west-1:123456789012:rule/sdc-nightly", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_EmptyRuleName_Throws()
    {
        Assert.Throws<ArgumentException>(() => ScheduledEvent.Create("", Time));
    }
}
