using System.Text.Json.Serialization;

namespace Sdc.Events;

/// <summary>
/// One record of an S3 event notification (S3 User Guide, "Event message structure"). Versions 2.1
/// to 2.3 differ only in fields added for particular operations; this type holds the common ones and
/// ignores the rest, as AWS asks readers to.
/// </summary>
public sealed record S3EventNotificationRecord
{
    [JsonPropertyName("eventVersion")]
    public string EventVersion { get; init; } = "2.1";

    /// <summary><c>aws:s3</c>.</summary>
    [JsonPropertyName("eventSource")]
    public string EventSource { get; init; } = "aws:s3";

    [JsonPropertyName("awsRegion")]
    public string AwsRegion { get; init; } = "";

    /// <summary>When S3 finished processing the request.</summary>
    [JsonPropertyName("eventTime")]
    [JsonConverter(typeof(S3EventTimeConverter))]
    public DateTimeOffset EventTime { get; init; }

    /// <summary>The event type without the <c>s3:</c> prefix, e.g. <c>ObjectCreated:Put</c>.</summary>
    [JsonPropertyName("eventName")]
    public string EventName { get; init; } = "";

    [JsonPropertyName("userIdentity")]
    public S3Identity? UserIdentity { get; init; }

    [JsonPropertyName("requestParameters")]
    public S3RequestParameters? RequestParameters { get; init; }

    [JsonPropertyName("responseElements")]
    public S3ResponseElements? ResponseElements { get; init; }

    [JsonPropertyName("s3")]
    public S3NotificationEntity S3 { get; init; } = new();
}
