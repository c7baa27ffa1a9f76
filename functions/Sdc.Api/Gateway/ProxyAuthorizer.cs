using System.Text.Json.Serialization;

namespace Sdc.Api.Gateway;

/// <summary>What a Cognito user pool authorizer hands the integration: the token's claims.</summary>
public sealed record ProxyAuthorizer(
    [property: JsonPropertyName("claims")] Dictionary<string, string>? Claims);
