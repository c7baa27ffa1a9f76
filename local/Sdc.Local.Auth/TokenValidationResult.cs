using System.Diagnostics.CodeAnalysis;

namespace Sdc.Local.Auth;

/// <summary>The outcome of <see cref="TokenValidator.ValidateAsync"/>: the token's user, or why it was refused.</summary>
public sealed class TokenValidationResult
{
    private TokenValidationResult(ValidatedToken? token, TokenFailure? failure, string reason)
    {
        Token = token;
        Failure = failure;
        Reason = reason;
    }

    [MemberNotNullWhen(true, nameof(Token))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsValid => Token is not null;

    public ValidatedToken? Token { get; }

    public TokenFailure? Failure { get; }

    /// <summary>A short reason fit for a 401 body ("token expired"); empty when valid. It never quotes the token.</summary>
    public string Reason { get; }

    public static TokenValidationResult Valid(ValidatedToken token) => new(token ?? throw new ArgumentNullException(nameof(token)), null, "");

    public static TokenValidationResult Refused(TokenFailure failure, string reason) => new(null, failure, reason);

    public override string ToString() => IsValid ? $"valid: {Token.Username}" : $"{Failure}: {Reason}";
}
