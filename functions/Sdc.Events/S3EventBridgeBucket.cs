using System.Text.Json.Serialization;

namespace Sdc.Events;

/// <summary><c>detail.bucket</c> of an S3 event delivered by EventBridge.</summary>
public sealed record S3EventBridgeBucket
{
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";
}
