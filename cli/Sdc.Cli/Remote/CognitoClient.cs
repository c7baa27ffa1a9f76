using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sdc.Cli.Remote;

/// <summary>
/// Signs in with Cognito's public InitiateAuth JSON call — against a real user pool
/// (<c>https://cognito-idp.&lt;region&gt;.amazonaws.com/</c>), cognito-local, or the local SDC's issuer.
/// No AWS SDK: the call is one POST.
/// </summary>
internal sealed class CognitoClient(HttpClient http)
{
    private const string Target = "AWSCognitoIdentityProviderService.InitiateAuth";

    public Task<AuthTokens> SignInAsync(Uri endpoint, string clientId, string username, string password, CancellationToken cancellationToken) =>
        InitiateAuthAsync(endpoint, clientId, "USER_PASSWORD_AUTH", new JsonObject { ["USERNAME"] = username, ["PASSWORD"] = password }, cancellationToken);

    public Task<AuthTokens> RefreshAsync(Uri endpoint, string clientId, string refreshToken, CancellationToken cancellationToken) =>
        InitiateAuthAsync(endpoint, clientId, "REFRESH_TOKEN_AUTH", new JsonObject { ["REFRESH_TOKEN"] = refreshToken }, cancellationToken);

    private async Task<AuthTokens> InitiateAuthAsync(Uri endpoint, string clientId, string flow, JsonObject parameters, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["AuthFlow"] = flow, ["ClientId"] = clientId, ["AuthParameters"] = parameters }.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        request.Headers.Add("X-Amz-Target", Target);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new UserError($"Cannot reach the sign-in endpoint {endpoint}: {e.Message}");
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            JsonNode? json;
            try
            {
                json = JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                throw new UserError($"{endpoint} answered HTTP {(int)response.StatusCode} without Cognito's JSON; is it a Cognito endpoint?");
            }
            if (!response.IsSuccessStatusCode)
            {
                var type = (json?["__type"]?.GetValue<string>() ?? "Error").Split('#')[^1];
                throw new UserError($"Sign-in refused ({type}): {json?["message"]?.GetValue<string>() ?? text}");
            }
            var result = json?["AuthenticationResult"]
                ?? throw new UserError($"Sign-in needs a step this CLI does not do ({json?["ChallengeName"]?.GetValue<string>() ?? "a challenge"}); finish it in the portal first.");
            return new AuthTokens(
                result["IdToken"]!.GetValue<string>(),
                result["RefreshToken"]?.GetValue<string>(),
                TimeSpan.FromSeconds(result["ExpiresIn"]?.GetValue<int>() ?? 3600));
        }
    }
}

/// <summary>What a sign-in returns that the CLI keeps.</summary>
internal sealed record AuthTokens(string IdToken, string? RefreshToken, TimeSpan ExpiresIn);
