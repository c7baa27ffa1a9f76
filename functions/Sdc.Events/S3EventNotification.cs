using System.Text.Json.Serialization;

namespace Sdc.Events;

/// <summary>
/// An S3 event notification in its original form, a batch of <c>Records</c>: what a Lambda function
/// receives when the bucket notifies it directly instead of through EventBridge.
/// </summary>
public sealed record S3EventNotification
{
    [JsonPropertyName("Records")]
    public IReadOnlyList<S3EventNotificationRecord> Records { get; init; } = [];
}
