using System.Text.Json.Serialization;

namespace Sdc.Events;

/// <summary>
/// <c>responseElements</c> of an S3 notification record: the two ids AWS Support asks for when a
/// request has to be traced.
/// </summary>
public sealed record S3ResponseElements
{
    [JsonPropertyName("x-amz-request-id")]
    public string RequestId { get; init; } = "";

    [JsonPropertyName("x-amz-id-2")]
    public string HostId { get; init; } = "";
}
