using System.Text.Json.Serialization;

namespace Sdc.Api.Gateway;

/// <summary>A proxy-integration response: status, headers, body (base64 when binary).</summary>
public sealed record ProxyResponse(
    [property: JsonPropertyName("statusCode")] int StatusCode,
    [property: JsonPropertyName("headers")] Dictionary<string, string> Headers,
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("isBase64Encoded")] bool IsBase64Encoded);
