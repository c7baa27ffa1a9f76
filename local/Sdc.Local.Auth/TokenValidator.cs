using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Sdc.Local.Auth;

/// <summary>
/// Checks a bearer token the way API Gateway's Cognito authorizer does: an RS256 JWS signed by a
/// key of the trusted issuer's JWKS, that issuer's <c>iss</c>, unexpired, and issued for our app
/// client (an ID token's <c>aud</c>, an access token's <c>client_id</c>).
/// </summary>
/// <remarks>
/// Written on System.Security.Cryptography and System.Text.Json rather than
/// Microsoft.IdentityModel's JsonWebTokenHandler: the accepted tokens are one narrow, fixed shape
/// (compact JWS, RS256 only, Cognito's claims), so the whole check is short enough to read in one
/// place; every refusal maps to one <see cref="TokenFailure"/> for the 401 body instead of an
/// exception type to translate; and nothing depends on a library's defaults (accepted
/// algorithms, claim mapping, lifetime rules) being configured right. Algorithm confusion is
/// ruled out by construction: the header must say RS256 and the key is only ever used as an RSA
/// public key with PKCS#1 v1.5 and SHA-256.
/// </remarks>
public sealed class TokenValidator
{
    // Cognito's tokens are 1–2 KiB, with many groups a few; anything far larger is not one, and
    // is refused before any decoding or key lookup.
    private const int MaximumTokenLength = 16 * 1024;

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 8, AllowDuplicateProperties = false };

    private readonly TokenValidatorOptions _options;
    private readonly IJwksSource _keys;
    private readonly TimeProvider _time;
    private readonly RsaKeyPool _rsaKeys = new();

    public TokenValidator(TokenValidatorOptions options, IJwksSource keys, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Issuer, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ClientId, nameof(options));
        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TokenValidatorOptions.MaximumClockSkew)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ClockSkew,
                $"Clock skew must be between 0 and {TokenValidatorOptions.MaximumClockSkew.TotalSeconds:0} s.");
        }
        _options = options;
        _keys = keys;
        _time = timeProvider;
    }

    /// <summary>
    /// Validates <paramref name="token"/> (the part after <c>Bearer </c>). Never throws for a bad
    /// token; throws only when the keys cannot be had (an unreachable JWKS: a 503, not a 401).
    /// </summary>
    public async Task<TokenValidationResult> ValidateAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return Refuse(TokenFailure.Malformed, "no token");
        }
        if (token.Length > MaximumTokenLength)
        {
            return Refuse(TokenFailure.Malformed, "token too long");
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return Refuse(TokenFailure.Malformed, "not a signed JWT");
        }

        using var header = ParseObject(parts[0]);
        if (header is null)
        {
            return Refuse(TokenFailure.Malformed, "token header is not base64url JSON");
        }
        var alg = Text(header.RootElement, "alg");
        if (alg != "RS256")
        {
            return Refuse(TokenFailure.UnsupportedAlgorithm, $"algorithm {(alg is null ? "missing" : Safe(alg))} not accepted (RS256 only)");
        }
        // A critical extension is one we would have to understand to accept the token (RFC 7515 §4.1.11).
        if (header.RootElement.TryGetProperty("crit", out _))
        {
            return Refuse(TokenFailure.Malformed, "critical header extensions not supported");
        }
        if (Text(header.RootElement, "kid") is not { Length: > 0 } keyId)
        {
            return Refuse(TokenFailure.Malformed, "token header has no kid");
        }

        if (!Base64UrlText.TryDecode(parts[2], out var signature) || signature.Length == 0)
        {
            return Refuse(TokenFailure.Malformed, "signature is not base64url");
        }
        var key = await _keys.FindAsync(keyId, cancellationToken);
        if (key is null)
        {
            return Refuse(TokenFailure.BadSignature, "signed by an unknown key");
        }
        if (!Verifies(key, parts, signature))
        {
            return Refuse(TokenFailure.BadSignature, "bad signature");
        }

        // Only now is the payload trusted enough to read.
        using var payload = ParseObject(parts[1]);
        return payload is null ? Refuse(TokenFailure.Malformed, "token payload is not base64url JSON") : CheckClaims(payload.RootElement);
    }

    private TokenValidationResult CheckClaims(JsonElement claims)
    {
        if (Text(claims, "iss") != _options.Issuer)
        {
            return Refuse(TokenFailure.WrongIssuer, "wrong issuer");
        }

        if (!TryNumber(claims, "exp", out var exp, required: true))
        {
            return Refuse(TokenFailure.Malformed, "exp missing or not a number");
        }
        if (!TryNumber(claims, "nbf", out var nbf, required: false))
        {
            return Refuse(TokenFailure.Malformed, "nbf not a number");
        }
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var skew = (long)_options.ClockSkew.TotalSeconds;
        // exp is the first instant the token is no longer valid (RFC 7519 §4.1.4).
        if (now >= exp + skew)
        {
            return Refuse(TokenFailure.Expired, "token expired");
        }
        if (nbf is { } notBefore && now + skew < notBefore)
        {
            return Refuse(TokenFailure.NotYetValid, "token not yet valid");
        }

        TokenUse use;
        string? username;
        switch (Text(claims, "token_use"))
        {
            case "id":
                if (!Audiences(claims).Contains(_options.ClientId, StringComparer.Ordinal))
                {
                    return Refuse(TokenFailure.WrongAudience, "wrong audience");
                }
                use = TokenUse.Id;
                username = Text(claims, "cognito:username");
                break;
            case "access":
                if (Text(claims, "client_id") != _options.ClientId)
                {
                    return Refuse(TokenFailure.WrongAudience, "wrong audience");
                }
                use = TokenUse.Access;
                username = Text(claims, "username");
                break;
            default:
                return Refuse(TokenFailure.Malformed, "token_use must be id or access");
        }

        if (string.IsNullOrEmpty(username))
        {
            return Refuse(TokenFailure.Malformed, "no username claim");
        }
        if (!TryGroups(claims, out var groups))
        {
            return Refuse(TokenFailure.Malformed, "cognito:groups is not a list of names");
        }
        return TokenValidationResult.Valid(new ValidatedToken(
            username, Text(claims, "sub") ?? "", groups, use, DateTimeOffset.FromUnixTimeSeconds(Math.Min(exp!.Value, 253402300799))));
    }

    private bool Verifies(RsaJsonWebKey key, string[] parts, byte[] signature)
    {
        if (!_rsaKeys.TryRent(key, out var rsa))
        {
            return false; // a key that cannot be used verifies nothing
        }
        try
        {
            var signingInput = Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}");
            return rsa.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        finally
        {
            _rsaKeys.Return(key, rsa);
        }
    }

    private static JsonDocument? ParseObject(string part)
    {
        if (!Base64UrlText.TryDecode(part, out var bytes))
        {
            return null;
        }
        try
        {
            var document = JsonDocument.Parse(bytes, JsonOptions);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }
            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // NumericDate: seconds, possibly with a fraction (RFC 7519 §2); fractions are dropped.
    private static bool TryNumber(JsonElement claims, string name, out long? seconds, bool required)
    {
        seconds = null;
        if (!claims.TryGetProperty(name, out var value))
        {
            return !required;
        }
        if (value.ValueKind != JsonValueKind.Number)
        {
            return false;
        }
        if (value.TryGetInt64(out var whole))
        {
            seconds = whole;
            return true;
        }
        if (value.TryGetDouble(out var fraction) && fraction is > -1e15 and < 1e15)
        {
            seconds = (long)Math.Floor(fraction);
            return true;
        }
        return false;
    }

    // aud is one string in Cognito's tokens; RFC 7519 also allows a list.
    private static List<string> Audiences(JsonElement claims)
    {
        if (!claims.TryGetProperty("aud", out var aud))
        {
            return [];
        }
        return aud.ValueKind switch
        {
            JsonValueKind.String => [aud.GetString()!],
            JsonValueKind.Array => aud.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).ToList(),
            _ => [],
        };
    }

    private static bool TryGroups(JsonElement claims, out IReadOnlyList<string> groups)
    {
        groups = [];
        if (!claims.TryGetProperty("cognito:groups", out var value))
        {
            return true;
        }
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(g => g.ValueKind != JsonValueKind.String))
        {
            return false;
        }
        groups = value.EnumerateArray().Select(g => g.GetString()!).ToList();
        return true;
    }

    // The algorithm name is the one piece of the token echoed back; keep it short and printable.
    private static string Safe(string text) =>
        text.Length <= 16 && text.All(char.IsAsciiLetterOrDigit) ? text : "(unprintable)";

    private static TokenValidationResult Refuse(TokenFailure failure, string reason) => TokenValidationResult.Refused(failure, reason);
}
