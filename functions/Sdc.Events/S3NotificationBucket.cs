using System.Text.Json.Serialization;

namespace Sdc.Events;

/// <summary><c>s3.bucket</c> of an S3 notification record.</summary>
public sealed record S3NotificationBucket
{
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    [JsonPropertyName("ownerIdentity")]
    public S3Identity? OwnerIdentity { get; init; }

    [JsonPropertyName("arn")]
    public string? Arn { get; init; }
}
