using System.Text;
using System.Text.Json.Nodes;

namespace Sdc.Testing;

/// <summary>
/// A user pool made in the test cognito-local (npm <c>cognito-local</c>, started by
/// tests/services/start.sh) through Cognito's admin JSON API, as an administrator would make one
/// on AWS: the pool, an app client, groups, and confirmed users in them. Compiled into the test
/// projects that need it (their csproj includes Shared/Cognito/*.cs).
/// </summary>
public sealed class CognitoLocalPool
{
    public const string Variable = "SDC_TEST_COGNITO_ENDPOINT";

    private const string TargetPrefix = "AWSCognitoIdentityProviderService.";
    private const string ContentType = "application/x-amz-json-1.1";

    private readonly HttpClient _http;

    private CognitoLocalPool(HttpClient http, Uri endpoint, string poolId, string clientId)
    {
        _http = http;
        Endpoint = endpoint;
        PoolId = poolId;
        ClientId = clientId;
    }

    /// <summary>cognito-local's address (no trailing slash in <see cref="Issuer"/>).</summary>
    public Uri Endpoint { get; }

    public string PoolId { get; }

    /// <summary>The pool's first app client.</summary>
    public string ClientId { get; }

    /// <summary>The <c>iss</c> of the pool's tokens: <c>{endpoint}/{poolId}</c>.</summary>
    public string Issuer => $"{Endpoint.AbsoluteUri.TrimEnd('/')}/{PoolId}";

    public Uri JwksUrl => new($"{Issuer}/.well-known/jwks.json");

    /// <summary>The endpoint from <see cref="Variable"/>, or an exception saying how to start the test services.</summary>
    public static Uri EndpointFromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set, so the cognito-local tests cannot run. Run ./test.sh, or start the test " +
                "services with `tests/services/start.sh <dir>` and then `source <dir>/env.sh` before `dotnet test`.");
        }
        return new Uri(value);
    }

    /// <summary>Creates a pool named <paramref name="poolName"/> with one app client, the users' groups, and the users.</summary>
    public static async Task<CognitoLocalPool> CreateAsync(
        HttpClient http, Uri endpoint, string poolName, IReadOnlyList<CognitoLocalUser> users, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(users);
        var pool = await CallAsync(http, endpoint, "CreateUserPool", new JsonObject { ["PoolName"] = poolName }, cancellationToken);
        var poolId = (string)pool["UserPool"]!["Id"]!;
        var created = new CognitoLocalPool(http, endpoint, poolId, "");
        var clientId = await created.AddClientAsync("sdc-tests", cancellationToken);
        created = new CognitoLocalPool(http, endpoint, poolId, clientId);

        foreach (var group in users.SelectMany(u => u.Groups).Distinct(StringComparer.Ordinal))
        {
            await created.CallAsync("CreateGroup", new JsonObject { ["UserPoolId"] = poolId, ["GroupName"] = group }, cancellationToken);
        }
        foreach (var user in users)
        {
            await created.CallAsync("AdminCreateUser", new JsonObject
            {
                ["UserPoolId"] = poolId,
                ["Username"] = user.Username,
                ["MessageAction"] = "SUPPRESS",
            }, cancellationToken);
            // A created user must change a temporary password first; a permanent one confirms it.
            await created.CallAsync("AdminSetUserPassword", new JsonObject
            {
                ["UserPoolId"] = poolId,
                ["Username"] = user.Username,
                ["Password"] = user.Password,
                ["Permanent"] = true,
            }, cancellationToken);
            foreach (var group in user.Groups)
            {
                await created.CallAsync("AdminAddUserToGroup", new JsonObject
                {
                    ["UserPoolId"] = poolId,
                    ["Username"] = user.Username,
                    ["GroupName"] = group,
                }, cancellationToken);
            }
        }
        return created;
    }

    /// <summary>Adds another app client to the pool and returns its id.</summary>
    public async Task<string> AddClientAsync(string clientName, CancellationToken cancellationToken)
    {
        var client = await CallAsync("CreateUserPoolClient", new JsonObject { ["UserPoolId"] = PoolId, ["ClientName"] = clientName }, cancellationToken);
        return (string)client["UserPoolClient"]![nameof(ClientId)]!;
    }

    /// <summary>Signs in with USER_PASSWORD_AUTH through the given client (default: <see cref="ClientId"/>); returns AuthenticationResult.</summary>
    public async Task<JsonObject> SignInAsync(string username, string password, CancellationToken cancellationToken, string? clientId = null)
    {
        var result = await CallAsync("InitiateAuth", new JsonObject
        {
            ["AuthFlow"] = "USER_PASSWORD_AUTH",
            [nameof(ClientId)] = clientId ?? ClientId,
            ["AuthParameters"] = new JsonObject { ["USERNAME"] = username, ["PASSWORD"] = password },
        }, cancellationToken);
        return result["AuthenticationResult"]?.AsObject()
            ?? throw new InvalidOperationException($"cognito-local answered InitiateAuth without tokens: {result.ToJsonString()}");
    }

    private Task<JsonObject> CallAsync(string operation, JsonObject body, CancellationToken cancellationToken) =>
        CallAsync(_http, Endpoint, operation, body, cancellationToken);

    private static async Task<JsonObject> CallAsync(HttpClient http, Uri endpoint, string operation, JsonObject body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, ContentType),
        };
        request.Headers.Add("X-Amz-Target", TargetPrefix + operation);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"cognito-local {operation} failed with {(int)response.StatusCode}: {text}");
        }
        return JsonNode.Parse(text)?.AsObject() ?? throw new InvalidOperationException($"cognito-local {operation} answered '{text}'");
    }
}
