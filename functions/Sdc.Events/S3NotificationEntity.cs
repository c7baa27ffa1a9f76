using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Sdc.Events;

/// <summary>The <c>s3</c> member of an S3 notification record: which bucket and object.</summary>
public sealed record S3NotificationEntity
{
    [JsonPropertyName("s3SchemaVersion")]
    public string SchemaVersion { get; init; } = "1.0";

    /// <summary>The id of the bucket's notification configuration that sent this record.</summary>
    [JsonPropertyName("configurationId")]
    public string? ConfigurationId { get; init; }

    [JsonPropertyName("bucket")]
    public S3NotificationBucket Bucket { get; init; } = new();

    [JsonPropertyName("object")]
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Mirrors the JSON member 'object' that AWS defines.")]
    public S3NotificationObject Object { get; init; } = new();
}
