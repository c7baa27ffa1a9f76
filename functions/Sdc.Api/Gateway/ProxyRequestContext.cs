using System.Text.Json.Serialization;

namespace Sdc.Api.Gateway;

/// <summary>The request context of a proxy event: the stage, and the authorizer's output.</summary>
public sealed record ProxyRequestContext(
    [property: JsonPropertyName("stage")] string? Stage,
    [property: JsonPropertyName("authorizer")] ProxyAuthorizer? Authorizer);
