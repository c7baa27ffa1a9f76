using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sdc.Catalog;

namespace Sdc.Local.Auth;

/// <summary>
/// The one-machine stand-in for a Cognito user pool: answers Cognito's public
/// <c>AWSCognitoIdentityProviderService.InitiateAuth</c> JSON call (flows <c>USER_PASSWORD_AUTH</c>
/// and <c>REFRESH_TOKEN_AUTH</c>) with Cognito's request and response shapes, so the same CLI and
/// browser code sign in against either. Users and refresh tokens live in the catalog; tokens are
/// RS256, signed with the key of <see cref="LocalIssuerOptions.KeyPath"/>, whose public half is
/// <see cref="JwksJson"/>. Host-neutral: the host maps <c>POST /auth</c> (or any route) to
/// <see cref="HandleAsync"/> and <c>GET</c> <see cref="JwksUrl"/> to <see cref="JwksJson"/>.
/// </summary>
public sealed class LocalIssuer : IDisposable
{
    public const string InitiateAuthTarget = "AWSCognitoIdentityProviderService.InitiateAuth";

    private const string PasswordFlow = "USER_PASSWORD_AUTH";
    private const string WrongCredentials = "Incorrect username or password.";

    // Verified against when the user does not exist, so that an unknown name costs the same time
    // as a wrong password and response times do not reveal which names exist.
    private static readonly Lazy<string> DecoyHash = new(() => PasswordHasher.Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))));

    private readonly LocalIssuerOptions _options;
    private readonly IssuerKey _key;
    private readonly bool _ownsKey;
    private readonly IUserCatalog _users;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TokenFactory _tokens;

    public LocalIssuer(LocalIssuerOptions options, IssuerKey key, IUserCatalog users, TimeProvider timeProvider, ILogger<LocalIssuer>? logger = null)
        : this(options, key, ownsKey: false, users, timeProvider, logger)
    {
    }

    private LocalIssuer(LocalIssuerOptions options, IssuerKey key, bool ownsKey, IUserCatalog users, TimeProvider timeProvider, ILogger<LocalIssuer>? logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (!options.BaseUrl.IsAbsoluteUri || options.BaseUrl.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"The issuer's base URL must be an absolute http(s) URL, not '{options.BaseUrl}'.", nameof(options));
        }
        if (options.PoolId.Length == 0 || !options.PoolId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            throw new ArgumentException($"Pool id '{options.PoolId}' must be letters, digits, '_' or '-' (e.g. local_sdc).", nameof(options));
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ClientId, nameof(options));
        if (options.TokenLifetime <= TimeSpan.Zero || options.RefreshTokenLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException("Token lifetimes must be positive.", nameof(options));
        }

        _options = options;
        _key = key;
        _ownsKey = ownsKey;
        _users = users;
        _time = timeProvider;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        Issuer = $"{options.BaseUrl.AbsoluteUri.TrimEnd('/')}/auth/{options.PoolId}";
        JwksUrl = new Uri($"{Issuer}/.well-known/jwks.json");
        JwksJson = JsonWebKeySet.ToJson([key.PublicKey]);
        Keys = new StaticJwksSource([key.PublicKey]);
        _tokens = new TokenFactory(key, Issuer, options.ClientId, options.TokenLifetime);
    }

    /// <summary>The <c>iss</c> of every token, <c>{BaseUrl}/auth/{PoolId}</c>.</summary>
    public string Issuer { get; }

    public string PoolId => _options.PoolId;

    public string ClientId => _options.ClientId;

    /// <summary>Where the host serves <see cref="JwksJson"/>: <c>{Issuer}/.well-known/jwks.json</c>, as Cognito does.</summary>
    public Uri JwksUrl { get; }

    /// <summary>The JWKS document: the public signing key.</summary>
    public string JwksJson { get; }

    /// <summary>The same keys in-process, for a <see cref="TokenValidator"/> in the same host.</summary>
    public IJwksSource Keys { get; }

    /// <summary>Validator settings that accept exactly this issuer's tokens.</summary>
    public TokenValidatorOptions ValidatorOptions => new() { Issuer = Issuer, ClientId = ClientId };

    /// <summary>An issuer with the key of <see cref="LocalIssuerOptions.KeyPath"/> (made on first use), which it disposes.</summary>
    public static LocalIssuer Create(LocalIssuerOptions options, IUserCatalog users, TimeProvider timeProvider, ILogger<LocalIssuer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = IssuerKey.LoadOrCreate(options.KeyPath);
        try
        {
            return new LocalIssuer(options, key, ownsKey: true, users, timeProvider, logger);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Answers one request: <paramref name="amzTarget"/> is the <c>X-Amz-Target</c> header,
    /// <paramref name="body"/> the JSON body. Refusals are Cognito's HTTP 400 errors; a failure of
    /// the catalog is thrown (the host answers 500).
    /// </summary>
    public async Task<IssuerResponse> HandleAsync(string? amzTarget, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        try
        {
            if (!string.Equals(amzTarget, InitiateAuthTarget, StringComparison.Ordinal))
            {
                throw new CognitoErrorException(CognitoErrorException.UnknownOperation,
                    $"Operation '{amzTarget}' is not supported here; the local issuer answers {InitiateAuthTarget} only.");
            }

            var request = InitiateAuthRequest.Parse(body);
            if (!string.Equals(request.ClientId, _options.ClientId, StringComparison.Ordinal))
            {
                throw new CognitoErrorException(CognitoErrorException.ResourceNotFound, $"User pool client {request.ClientId} does not exist.");
            }

            return request.AuthFlow switch
            {
                PasswordFlow => await SignInAsync(request, cancellationToken),
                "REFRESH_TOKEN_AUTH" or "REFRESH_TOKEN" => await RefreshAsync(request, cancellationToken),
                var other => throw new CognitoErrorException(CognitoErrorException.InvalidParameter, $"{other} flow not enabled for this client"),
            };
        }
        catch (CognitoErrorException e)
        {
            return Error(e.ErrorType, e.Message);
        }
    }

    public void Dispose()
    {
        if (_ownsKey)
        {
            _key.Dispose();
        }
    }

    private async Task<IssuerResponse> SignInAsync(InitiateAuthRequest request, CancellationToken cancellationToken)
    {
        var username = request.Parameter("USERNAME");
        var password = request.Parameter("PASSWORD");
        var user = await _users.FindAsync(username, cancellationToken);
        // Cognito's default (PreventUserExistenceErrors): an unknown user is refused exactly as a
        // wrong password is, never with UserNotFoundException.
        var matches = PasswordHasher.Verify(password, user?.PasswordHash ?? DecoyHash.Value);
        if (user is null || !matches)
        {
            AuthLog.Refused(_logger, PasswordFlow, username, user is null ? "no such user" : "wrong password");
            throw new CognitoErrorException(CognitoErrorException.NotAuthorized, WrongCredentials);
        }

        var now = _time.GetUtcNow();
        var refreshToken = Base64UrlText.Encode(RandomNumberGenerator.GetBytes(32));
        // Housekeeping where the table grows: expired tokens go when new ones are handed out.
        await _users.DeleteExpiredRefreshTokensAsync(now, cancellationToken);
        await _users.StoreRefreshTokenAsync(
            new StoredRefreshToken(HashRefreshToken(refreshToken), user.Username, now, now + _options.RefreshTokenLifetime), cancellationToken);
        AuthLog.SignedIn(_logger, user.Username, PasswordFlow);
        return Success(user, now, authTime: now, refreshToken);
    }

    private async Task<IssuerResponse> RefreshAsync(InitiateAuthRequest request, CancellationToken cancellationToken)
    {
        var hash = HashRefreshToken(request.Parameter("REFRESH_TOKEN"));
        var stored = await _users.FindRefreshTokenAsync(hash, cancellationToken)
            ?? throw new CognitoErrorException(CognitoErrorException.NotAuthorized, "Invalid Refresh Token");
        var now = _time.GetUtcNow();
        if (stored.ExpiresAt <= now)
        {
            await _users.DeleteRefreshTokenAsync(hash, cancellationToken);
            AuthLog.Refused(_logger, request.AuthFlow, stored.Username, "refresh token expired");
            throw new CognitoErrorException(CognitoErrorException.NotAuthorized, "Refresh Token has expired");
        }

        // Removing a user removes their tokens; this catches a token stored by a sign-in that
        // raced with the removal.
        var user = await _users.FindAsync(stored.Username, cancellationToken);
        if (user is null)
        {
            await _users.DeleteRefreshTokenAsync(hash, cancellationToken);
            AuthLog.Refused(_logger, request.AuthFlow, stored.Username, "user removed");
            throw new CognitoErrorException(CognitoErrorException.NotAuthorized, "Refresh Token has been revoked");
        }

        AuthLog.SignedIn(_logger, user.Username, request.AuthFlow);
        // Groups are read again (a changed membership shows at the next refresh); the time of the
        // sign-in the refresh token came from stays the auth_time, as in Cognito.
        return Success(user, now, authTime: stored.CreatedAt, refreshToken: null);
    }

    private IssuerResponse Success(CatalogUser user, DateTimeOffset now, DateTimeOffset authTime, string? refreshToken)
    {
        var json = Json(writer =>
        {
            writer.WriteStartObject("AuthenticationResult");
            writer.WriteString("AccessToken", _tokens.AccessToken(user, now, authTime));
            writer.WriteNumber("ExpiresIn", (long)_options.TokenLifetime.TotalSeconds);
            writer.WriteString("IdToken", _tokens.IdToken(user, now, authTime));
            if (refreshToken is not null)
            {
                writer.WriteString("RefreshToken", refreshToken);
            }
            writer.WriteString("TokenType", "Bearer");
            writer.WriteEndObject();
            writer.WriteStartObject("ChallengeParameters");
            writer.WriteEndObject();
        });
        return new IssuerResponse(200, json, null);
    }

    private static IssuerResponse Error(string type, string message) =>
        new(400, Json(writer =>
        {
            writer.WriteString("__type", type);
            writer.WriteString("message", message);
        }), type);

    private static string Json(Action<Utf8JsonWriter> members)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>What the catalog keeps of a refresh token: its SHA-256, lower-case hex.</summary>
    internal static string HashRefreshToken(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
