using System.Net;
using System.Text;

namespace Sdc.Functions.Tests;

/// <summary>
/// The reader against a stand-in for the AWS Parameters and Secrets Lambda Extension's local HTTP
/// endpoint, which answers as the extension documents (GetSecretValue's JSON) and checks the token.
/// </summary>
public sealed class SecretsExtensionReaderTests
{
    private const string SecretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:sdc-staging-catalog-AbCdEf";
    private const string SessionToken = "IQoJb3JpZ2luX2VjEXAMPLE";

    private sealed class FakeExtension(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public List<(Uri Uri, string? Token)> Requests { get; } = [];

        public Exception? Failure { get; init; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.RequestUri!, request.Headers.TryGetValues(SecretsExtensionReader.TokenHeader, out var values) ? values.Single() : null));
            return Failure is not null
                ? Task.FromException<HttpResponseMessage>(Failure)
                : Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }

    private static readonly Dictionary<string, string> Lambda = new() { [SecretsExtensionReader.SessionTokenVariable] = SessionToken };

    private static async Task<string> ReadAsync(FakeExtension extension, Dictionary<string, string>? variables = null)
    {
        using var http = new HttpClient(extension);
        return await new SecretsExtensionReader(http, (variables ?? Lambda).GetValueOrDefault).ReadSecretStringAsync(SecretArn, CancellationToken.None);
    }

    [Fact]
    public async Task ReadSecretStringAsync_ExtensionAnswers_ReturnsSecretStringAskedWithTheSessionToken()
    {
        var extension = new FakeExtension(HttpStatusCode.OK, $$"""
            {"ARN":"{{SecretArn}}","Name":"sdc-staging-catalog","VersionId":"a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
             "SecretString":"{\"username\":\"sdc\"}","VersionStages":["AWSCURRENT"],"CreatedDate":"2026-11-22T08:00:00Z"}
            """);

        var secret = await ReadAsync(extension);

        Assert.Equal("""{"username":"sdc"}""", secret);
        var (uri, token) = Assert.Single(extension.Requests);
        Assert.Equal("http://localhost:2773/secretsmanager/get?secretId=" + Uri.EscapeDataString(SecretArn), uri.AbsoluteUri);
        Assert.Equal(SessionToken, token);
    }

    [Fact]
    public async Task ReadSecretStringAsync_PortVariableSet_AsksThatPort()
    {
        var extension = new FakeExtension(HttpStatusCode.OK, """{"SecretString":"{}"}""");

        await ReadAsync(extension, new(Lambda) { [SecretsExtensionReader.PortVariable] = "2999" });

        Assert.Equal(2999, Assert.Single(extension.Requests).Uri.Port);
    }

    [Fact]
    public async Task ReadSecretStringAsync_ExtensionRefuses_FailsWithItsStatusAndTheSecret()
    {
        var extension = new FakeExtension(HttpStatusCode.BadRequest, "AccessDeniedException: not authorized to perform secretsmanager:GetSecretValue");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ReadAsync(extension));

        Assert.Contains("400", error.Message, StringComparison.Ordinal);
        Assert.Contains(SecretArn, error.Message, StringComparison.Ordinal);
        Assert.Contains("AccessDeniedException", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadSecretStringAsync_BinarySecret_FailsNamingSecretString()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ReadAsync(new FakeExtension(HttpStatusCode.OK, """{"ARN":"x","SecretBinary":"AAEC"}""")));

        Assert.Contains("\"SecretString\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadSecretStringAsync_NoExtensionListening_FailsNamingTheExtension()
    {
        var extension = new FakeExtension(HttpStatusCode.OK, "") { Failure = new HttpRequestException("Connection refused (localhost:2773)") };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ReadAsync(extension));

        Assert.Contains("Parameters and Secrets Lambda Extension", error.Message, StringComparison.Ordinal);
        Assert.Contains("layer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadSecretStringAsync_NoSessionToken_FailsNamingTheVariableWithoutAsking()
    {
        var extension = new FakeExtension(HttpStatusCode.OK, """{"SecretString":"{}"}""");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ReadAsync(extension, []));

        Assert.StartsWith(SecretsExtensionReader.SessionTokenVariable + " is not set", error.Message, StringComparison.Ordinal);
        Assert.Empty(extension.Requests);
    }

    [Fact]
    public async Task ReadSecretStringAsync_BadPortVariable_FailsNamingIt()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ReadAsync(new FakeExtension(HttpStatusCode.OK, "{}"), new(Lambda) { [SecretsExtensionReader.PortVariable] = "http" }));

        Assert.StartsWith(SecretsExtensionReader.PortVariable, error.Message, StringComparison.Ordinal);
    }
}
