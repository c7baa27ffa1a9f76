using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sdc.Events;

/// <summary>
/// What an EventBridge scheduled rule sends its target (EventBridge User Guide, "Schedule AWS Lambda
/// functions using EventBridge"). The local runtime makes one with <see cref="Create"/> when a
/// schedule comes due.
/// </summary>
public sealed record ScheduledEvent
{
    /// <summary>The <c>detail-type</c> of this event.</summary>
    public const string ScheduledDetailType = "Scheduled Event";

    /// <summary>The <c>source</c> of this event.</summary>
    public const string EventsSource = "aws.events";

    [JsonPropertyName("version")]
    public string Version { get; init; } = "0";

    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    [JsonPropertyName("detail-type")]
    public string DetailType { get; init; } = ScheduledDetailType;

    [JsonPropertyName("source")]
    public string Source { get; init; } = EventsSource;

    [JsonPropertyName("account")]
    public string Account { get; init; } = "";

    [JsonPropertyName("time")]
    [JsonConverter(typeof(EventBridgeTimeConverter))]
    public DateTimeOffset Time { get; init; }

    [JsonPropertyName("region")]
    public string Region { get; init; } = "";

    /// <summary>The ARN of the rule that fired.</summary>
    [JsonPropertyName("resources")]
    public IReadOnlyList<string> Resources { get; init; } = [];

    /// <summary>Empty for a scheduled rule; kept as raw JSON so nothing a caller adds is lost.</summary>
    [JsonPropertyName("detail")]
    public IReadOnlyDictionary<string, JsonElement> Detail { get; init; } = ImmutableDictionary<string, JsonElement>.Empty;

    /// <summary>
    /// The event EventBridge would send when rule <paramref name="ruleName"/> fires at
    /// <paramref name="time"/> (whole seconds, as EventBridge's <c>time</c> has no fraction).
    /// </summary>
    /// <exception cref="ArgumentException">An empty rule name, account or region.</exception>
    public static ScheduledEvent Create(
        string ruleName,
        DateTimeOffset time,
        string account = LocalDefaults.Account,
        string region = LocalDefaults.Region)
    {
        ArgumentException.ThrowIfNullOrEmpty(ruleName);
        ArgumentException.ThrowIfNullOrEmpty(account);
        ArgumentException.ThrowIfNullOrEmpty(region);

        var utcTicks = time.UtcTicks;
        return new ScheduledEvent
        {
            Id = Guid.NewGuid().ToString(),
            Account = account,
            Time = new DateTimeOffset(utcTicks - (utcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero),
            Region = region,
            Resources = [$"arn:aws:events:{region}:{account}:rule/{ruleName}"],
        };
    }
}
