using Sdc.Api.Http;
using Sdc.Local.Auth;

namespace Sdc.Local.Host;

/// <summary>Checks bearer tokens as API Gateway's Cognito authorizer does, against the issuer's JWKS.</summary>
public sealed class JwtCallerAuthenticator(TokenValidator validator) : ICallerAuthenticator
{
    public async Task<CallerAuthentication> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(token, cancellationToken);
        return result.IsValid
            ? CallerAuthentication.Accepted(new Caller(result.Token.Username, result.Token.Groups))
            : CallerAuthentication.Refused(result.Reason);
    }
}
