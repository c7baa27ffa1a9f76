using System.Text.Json;

namespace Sdc.Local.Auth;

/// <summary>
/// The members of an InitiateAuth request the issuer reads. Others Cognito accepts
/// (ClientMetadata, AnalyticsMetadata, UserContextData) are ignored, as Cognito ignores them
/// when no trigger or analytics is configured.
/// </summary>
internal sealed record InitiateAuthRequest(string AuthFlow, string ClientId, IReadOnlyDictionary<string, string> AuthParameters)
{
    /// <summary>Every AuthFlow Cognito knows; the issuer implements two of them.</summary>
    public static readonly IReadOnlyList<string> KnownFlows =
    [
        "USER_SRP_AUTH", "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN", "CUSTOM_AUTH", "ADMIN_NO_SRP_AUTH",
        "USER_PASSWORD_AUTH", "ADMIN_USER_PASSWORD_AUTH", "USER_AUTH",
    ];

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16, AllowDuplicateProperties = false };

    /// <summary>Reads the body; throws <see cref="CognitoErrorException"/> (InvalidParameterException) naming the member at fault.</summary>
    public static InitiateAuthRequest Parse(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException e)
        {
            throw new CognitoErrorException(CognitoErrorException.InvalidParameter, $"The request body is not a JSON object: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new CognitoErrorException(CognitoErrorException.InvalidParameter, "The request body is not a JSON object.");
            }

            var flow = RequiredString(root, "AuthFlow", "authFlow");
            if (!KnownFlows.Contains(flow, StringComparer.Ordinal))
            {
                throw CognitoErrorException.Member("authFlow", $"Member must satisfy enum value set: [{string.Join(", ", KnownFlows)}]", flow);
            }

            var clientId = RequiredString(root, "ClientId", "clientId");
            if (clientId.Length == 0)
            {
                throw CognitoErrorException.Member("clientId", "Member must have length greater than or equal to 1", clientId);
            }

            return new InitiateAuthRequest(flow, clientId, Parameters(root));
        }
    }

    /// <summary>An AuthParameters entry the flow needs, or Cognito's "Missing required parameter" error.</summary>
    public string Parameter(string name) =>
        AuthParameters.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new CognitoErrorException(CognitoErrorException.InvalidParameter, $"Missing required parameter {name}");

    private static string RequiredString(JsonElement root, string property, string member)
    {
        if (!root.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw CognitoErrorException.Member(member, "Member must not be null");
        }
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw CognitoErrorException.Member(member, "Member must be a string");
    }

    private static Dictionary<string, string> Parameters(JsonElement root)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!root.TryGetProperty(nameof(AuthParameters), out var map) || map.ValueKind == JsonValueKind.Null)
        {
            return parameters;
        }
        if (map.ValueKind != JsonValueKind.Object)
        {
            throw CognitoErrorException.Member("authParameters", "Member must be a map of strings to strings");
        }
        foreach (var entry in map.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String)
            {
                throw CognitoErrorException.Member($"authParameters.{entry.Name}", "Member must be a string");
            }
            parameters[entry.Name] = entry.Value.GetString()!;
        }
        return parameters;
    }
}
