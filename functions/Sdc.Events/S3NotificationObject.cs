using System.Text.Json.Serialization;

namespace Sdc.Events;

/// <summary>
/// <c>s3.object</c> of an S3 notification record. <see cref="Key"/> is as S3 sent it: URL-encoded, a
/// space as <c>+</c> (<see cref="ObjectCreatedParser"/> decodes it).
/// </summary>
public sealed record S3NotificationObject
{
    [JsonPropertyName("key")]
    public string Key { get; init; } = "";

    [JsonPropertyName("size")]
    public long Size { get; init; }

    [JsonPropertyName("eTag")]
    public string? ETag { get; init; }

    [JsonPropertyName("versionId")]
    public string? VersionId { get; init; }

    [JsonPropertyName("sequencer")]
    public string? Sequencer { get; init; }
}
