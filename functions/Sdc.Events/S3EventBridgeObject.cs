using System.Text.Json.Serialization;

namespace Sdc.Events;

/// <summary>
/// <c>detail.object</c> of an S3 event delivered by EventBridge. The key here is the plain key, not
/// URL-encoded as in the <c>Records</c> form (see <see cref="ObjectCreatedParser"/>).
/// </summary>
public sealed record S3EventBridgeObject
{
    [JsonPropertyName("key")]
    public string Key { get; init; } = "";

    [JsonPropertyName("size")]
    public long Size { get; init; }

    [JsonPropertyName("etag")]
    public string? ETag { get; init; }

    /// <summary>Present only when the bucket has versioning on.</summary>
    [JsonPropertyName("version-id")]
    public string? VersionId { get; init; }

    [JsonPropertyName("sequencer")]
    public string? Sequencer { get; init; }
}
