using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Sdc.Functions;

/// <summary>
/// Reads secrets through the AWS Parameters and Secrets Lambda Extension (a layer the deployment
/// attaches): <c>GET http://localhost:&lt;port&gt;/secretsmanager/get?secretId=…</c> with the function's
/// session token, answered with Secrets Manager's GetSecretValue JSON. The SDK client
/// (AWSSDK.SecretsManager) is not in this project's NuGet registry; the extension needs no SDK,
/// and caches the secret for every execution environment of the function.
/// <para>
/// The port and the token are read when a secret is asked for, not when this is built, so a
/// deployment that names its catalog in plain configuration never needs either.
/// </para>
/// </summary>
public sealed class SecretsExtensionReader(HttpClient http, Func<string, string?> variables) : ISecretReader
{
    /// <summary>Where the extension listens (its own setting); <see cref="DefaultPort"/> when unset.</summary>
    public const string PortVariable = "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT";

    public const int DefaultPort = 2773;

    /// <summary>The extension only answers requests that carry the function's own session token here.</summary>
    public const string TokenHeader = "X-Aws-Parameters-Secrets-Token";

    public const string SessionTokenVariable = "AWS_SESSION_TOKEN";

    /// <summary>Enough of an error answer to say what went wrong; the extension's errors hold no secret.</summary>
    private const int MaxErrorText = 500;

    public async Task<string> ReadSecretStringAsync(string secretId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretId);
        var token = variables(SessionTokenVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{SessionTokenVariable} is not set; reading secret {secretId} through the AWS Parameters and Secrets Lambda Extension needs the "
                + "function's session token (Lambda sets it).");
        var endpoint = new Uri($"http://localhost:{Port()}/secretsmanager/get?secretId={Uri.EscapeDataString(secretId)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
        request.Headers.Add(TokenHeader, token);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new InvalidOperationException(
                $"Could not reach the AWS Parameters and Secrets Lambda Extension at {endpoint.GetLeftPart(UriPartial.Authority)} for secret {secretId}: "
                + $"{e.Message}. The function needs the extension's layer (and secretsmanager:GetSecretValue on the secret).", e);
        }
        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var text = Encoding.UTF8.GetString(body);
                throw new InvalidOperationException(
                    $"The AWS Parameters and Secrets Lambda Extension answered {(int)response.StatusCode} {response.ReasonPhrase} for secret {secretId}: "
                    + (text.Length > MaxErrorText ? text[..MaxErrorText] + "…" : text));
            }
            return SecretStringOf(body, secretId);
        }
    }

    private int Port()
    {
        var text = variables(PortVariable);
        if (string.IsNullOrEmpty(text))
        {
            return DefaultPort;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new InvalidOperationException($"{PortVariable} is '{text}'; expected the extension's TCP port (1-65535), or unset for {DefaultPort}.");
    }

    private static string SecretStringOf(byte[] body, string secretId)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("SecretString", out var secret) && secret.ValueKind == JsonValueKind.String)
            {
                return secret.GetString()!;
            }
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The AWS Parameters and Secrets Lambda Extension's answer for secret {secretId} is not JSON: {e.Message}", e);
        }
        throw new InvalidOperationException(
            $"Secret {secretId} has no \"SecretString\" (a binary secret?); expected the text of an RDS credentials secret.");
    }
}
