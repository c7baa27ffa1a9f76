using System.Text.Json.Serialization;

namespace Sdc.Events;

/// <summary><c>userIdentity</c> and <c>s3.bucket.ownerIdentity</c> of an S3 notification record.</summary>
public sealed record S3Identity
{
    [JsonPropertyName("principalId")]
    public string PrincipalId { get; init; } = "";
}
