using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sdc.Cli.Remote;

/// <summary>
/// The SDC's HTTPS API as the scientist's CLI uses it: the saved sign-in's token on every call
/// (refreshed shortly before it expires, and the new one saved), problems turned into messages
/// that say what to fix.
/// </summary>
internal sealed class SdcApiClient
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(2);

    private readonly HttpClient _http;
    private readonly CredentialStore _credentials;
    private SavedLogin _login;

    public SdcApiClient(HttpClient http, CredentialStore credentials, SavedLogin login)
    {
        _http = http;
        _credentials = credentials;
        _login = login;
    }

    public Uri Endpoint => new(_login.Endpoint);

    public string Username => _login.Username;

    /// <summary>The client for <paramref name="endpoint"/> (or the last one signed in to); an error telling to sign in when there is no sign-in.</summary>
    public static SdcApiClient Open(HttpClient http, CredentialStore credentials, string? endpoint)
    {
        var login = credentials.Find(endpoint)
            ?? throw new UserError(endpoint is null
                ? "Not signed in: run `sdc login --endpoint <url> --username <name>` first."
                : $"Not signed in to {endpoint}: run `sdc login --endpoint {endpoint} --username <name>` first.");
        return new SdcApiClient(http, credentials, login);
    }

    public async Task<JsonNode> GetJsonAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, pathAndQuery, null, cancellationToken);
        return await ReadJsonAsync(response, cancellationToken);
    }

    public async Task<JsonNode> PostJsonAsync(string path, JsonNode body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, path, body, cancellationToken);
        return await ReadJsonAsync(response, cancellationToken);
    }

    /// <summary>A query string from the given pairs, skipping nulls.</summary>
    public static string Query(params (string Name, string? Value)[] parameters)
    {
        var given = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return given.Count == 0 ? "" : "?" + string.Join('&', given);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        var token = await TokenAsync(cancellationToken);
        using var request = new HttpRequestMessage(method, new Uri(Endpoint, path.TrimStart('/')));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new UserError($"Cannot reach {Endpoint}: {e.Message}");
        }
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        if (_login.ExpiresAt - DateTimeOffset.UtcNow > RefreshMargin)
        {
            return _login.IdToken;
        }
        if (_login.RefreshToken is null)
        {
            throw new UserError($"The sign-in to {_login.Endpoint} has expired: run `sdc login` again.");
        }
        var tokens = await new CognitoClient(_http).RefreshAsync(new Uri(_login.AuthEndpoint), _login.ClientId, _login.RefreshToken, cancellationToken);
        _login = _login with { IdToken = tokens.IdToken, ExpiresAt = DateTimeOffset.UtcNow + tokens.ExpiresIn };
        _credentials.Save(_login);
        return _login.IdToken;
    }

    private static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return JsonNode.Parse(text) ?? new JsonObject();
        }
        throw new UserError(ProblemText(response.StatusCode, text));
    }

    /// <summary>An RFC 7807 problem as one line: what is wrong, and the accepted form.</summary>
    public static string ProblemText(HttpStatusCode status, string body)
    {
        JsonNode? problem = null;
        try
        {
            problem = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
        }
        var detail = problem?["detail"]?.GetValue<string>() ?? body;
        var parameter = problem?["parameter"]?.GetValue<string>();
        var expected = problem?["expected"]?.GetValue<string>();
        var hint = status == HttpStatusCode.Unauthorized ? " Sign in again with `sdc login`." : "";
        return $"HTTP {(int)status}: {detail}{(parameter is null ? "" : $" ({parameter}")}{(expected is null ? "" : $"{(parameter is null ? " (" : ": ")}expected {expected}")}{(parameter is null && expected is null ? "" : ")")}{hint}";
    }
}
