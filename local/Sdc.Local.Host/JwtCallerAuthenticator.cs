using Sdc.Api.Http;
using Sdc.Local.Auth;

namespace Sdc.Local.Host;

/// <summary>Checks bearer tokens as API Gateway's Cognito authorizer does, against the issuer's JWKS.</summary>
public sealed class JwtCallerAuthenticator(TokenValidator validator) : ICallerAuthenticator
{
    public async Task<CallerAuthentication> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        TokenValidationResult result;
        try
        {
            result = await validator.ValidateAsync(token, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            // The outside issuer's keys could not be fetched: the token is not known to be bad.
            throw new ApiProblemException(503, "issuer-unavailable", "Sign-in service unavailable",
                $"The issuer's signing keys cannot be fetched ({e.Message}); try again shortly.");
        }
        return result.IsValid
            ? CallerAuthentication.Accepted(new Caller(result.Token.Username, result.Token.Groups))
            : CallerAuthentication.Refused(result.Reason);
    }
}
