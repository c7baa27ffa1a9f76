using Sdc.Api.Http;

namespace Sdc.Local.Host;

/// <summary>
/// The host's token check (on AWS, API Gateway's Cognito authorizer does this): a bearer token in,
/// the caller it names out, or why it is refused.
/// </summary>
public interface ICallerAuthenticator
{
    Task<CallerAuthentication> AuthenticateAsync(string token, CancellationToken cancellationToken);
}
