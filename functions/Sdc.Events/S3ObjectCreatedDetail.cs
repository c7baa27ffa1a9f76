using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Sdc.Events;

/// <summary>The <c>detail</c> of an EventBridge "Object Created" event from S3.</summary>
public sealed record S3ObjectCreatedDetail
{
    [JsonPropertyName("version")]
    public string Version { get; init; } = "0";

    /// <summary>
    /// The detail's schema version. Later revisions of AWS's documentation show it (<c>1.0</c>); the
    /// 2021 sample does not, so it stays optional.
    /// </summary>
    [JsonPropertyName("event-version")]
    public string? EventVersion { get; init; }

    [JsonPropertyName("bucket")]
    public S3EventBridgeBucket Bucket { get; init; } = new();

    [JsonPropertyName("object")]
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Mirrors the JSON member 'object' that AWS defines.")]
    public S3EventBridgeObject Object { get; init; } = new();

    [JsonPropertyName("request-id")]
    public string? RequestId { get; init; }

    /// <summary>The account id or AWS service principal that made the request.</summary>
    [JsonPropertyName("requester")]
    public string? Requester { get; init; }

    [JsonPropertyName("source-ip-address")]
    public string? SourceIpAddress { get; init; }

    /// <summary>The API call that created the object: <c>PutObject</c>, <c>POST Object</c>, <c>CopyObject</c> or <c>CompleteMultipartUpload</c>.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }
}
