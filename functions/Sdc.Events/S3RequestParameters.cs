using System.Text.Json.Serialization;

namespace Sdc.Events;

/// <summary><c>requestParameters</c> of an S3 notification record.</summary>
public sealed record S3RequestParameters
{
    [JsonPropertyName("sourceIPAddress")]
    public string SourceIpAddress { get; init; } = "";
}
