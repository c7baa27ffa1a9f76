using Sdc.Api;

namespace Sdc.Functions;

/// <summary>The API's options from the Lambda's environment (set by the CDK stack): where clients sign in.</summary>
internal static class ApiSettings
{
    public static ApiOptions FromEnvironment() => new()
    {
        AuthEndpoint = Environment.GetEnvironmentVariable("SDC_AUTH_ENDPOINT") is { Length: > 0 } endpoint ? new Uri(endpoint) : null,
        ClientId = Environment.GetEnvironmentVariable("SDC_AUTH_CLIENT_ID"),
        Region = Environment.GetEnvironmentVariable("AWS_REGION"),
    };
}
