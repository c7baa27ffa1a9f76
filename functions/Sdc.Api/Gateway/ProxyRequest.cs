using System.Text.Json.Serialization;

namespace Sdc.Api.Gateway;

/// <summary>
/// The parts of an API Gateway REST API proxy-integration event the API reads (payload format
/// 1.0): method, path, query values, body, and the Cognito authorizer's claims. Claims arrive as
/// strings, whatever their type in the token.
/// </summary>
public sealed record ProxyRequest(
    [property: JsonPropertyName("httpMethod")] string? HttpMethod,
    [property: JsonPropertyName("path")] string? Path,
    [property: JsonPropertyName("resource")] string? Resource,
    [property: JsonPropertyName("multiValueQueryStringParameters")] Dictionary<string, List<string>>? MultiValueQueryStringParameters,
    [property: JsonPropertyName("queryStringParameters")] Dictionary<string, string>? QueryStringParameters,
    [property: JsonPropertyName("body")] string? Body,
    [property: JsonPropertyName("isBase64Encoded")] bool IsBase64Encoded,
    [property: JsonPropertyName("requestContext")] ProxyRequestContext? RequestContext);
