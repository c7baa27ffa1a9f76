using System.Text;
using System.Text.Json.Nodes;
using Sdc.Local.Auth.Tests.Support;

namespace Sdc.Local.Auth.Tests;

public sealed class LocalIssuerTests : IAsyncLifetime
{
    private const string Target = "AWSCognitoIdentityProviderService.InitiateAuth";

    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;
    private AuthWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await AuthWorld.CreateAsync(_ct);
        await _world.Accounts.AddAsync("ana", "s3cret-pass", ["team", "itf-exi"], _ct);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public void Issuer_DefaultOptions_IsBaseUrlAuthPoolWithJwksBeneath()
    {
        Assert.Equal("http://127.0.0.1:8080/auth/local_sdc", _world.Issuer.Issuer);
        Assert.Equal("http://127.0.0.1:8080/auth/local_sdc/.well-known/jwks.json", _world.Issuer.JwksUrl.AbsoluteUri);
    }

    [Fact]
    public void JwksJson_OneRs256SigningKey_NamedByTheTokensKid()
    {
        var jwks = JsonNode.Parse(_world.Issuer.JwksJson)!;

        var key = Assert.Single(jwks["keys"]!.AsArray())!;
        Assert.Equal("RSA", (string?)key["kty"]);
        Assert.Equal("RS256", (string?)key["alg"]);
        Assert.Equal("sig", (string?)key["use"]);
        Assert.Equal("AQAB", (string?)key["e"]);
        Assert.Equal(_world.Key.KeyId, (string?)key["kid"]);
        Assert.Null(key["d"]);
    }

    [Fact]
    public async Task PasswordFlow_RightPassword_AnswersCognitosShape()
    {
        var response = await SignInAsync("ana", "s3cret-pass");

        Assert.Equal(200, response.StatusCode);
        Assert.Null(response.ErrorType);
        var body = JsonNode.Parse(response.Json)!.AsObject();
        Assert.Equal(["AuthenticationResult", "ChallengeParameters"], body.Select(p => p.Key).Order());
        Assert.Empty(body["ChallengeParameters"]!.AsObject());
        var result = body["AuthenticationResult"]!.AsObject();
        Assert.Equal(["AccessToken", "ExpiresIn", "IdToken", "RefreshToken", "TokenType"], result.Select(p => p.Key).Order());
        Assert.Equal(3600, (int)result["ExpiresIn"]!);
        Assert.Equal("Bearer", (string?)result["TokenType"]);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", (string)result["RefreshToken"]!);
    }

    [Fact]
    public async Task PasswordFlow_RightPassword_IdTokenCarriesCognitosClaims()
    {
        var result = Tokens(await SignInAsync("ana", "s3cret-pass"));
        var idToken = (string)result["IdToken"]!;

        var header = TestTokens.Header(idToken);
        Assert.Equal("RS256", (string?)header["alg"]);
        Assert.Equal(_world.Key.KeyId, (string?)header["kid"]);
        var claims = TestTokens.Payload(idToken);
        Assert.Equal(["aud", "auth_time", "cognito:groups", "cognito:username", "exp", "iat", "iss", "jti", "sub", "token_use"],
            claims.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal("ana", (string?)claims["cognito:username"]);
        Assert.Equal(["team", "itf-exi"], claims["cognito:groups"]!.AsArray().Select(g => (string)g!));
        Assert.Equal("id", (string?)claims["token_use"]);
        Assert.Equal("sdc-local", (string?)claims["aud"]);
        Assert.Equal("http://127.0.0.1:8080/auth/local_sdc", (string?)claims["iss"]);
        var now = AuthWorld.Start.ToUnixTimeSeconds();
        Assert.Equal(now, (long)claims["iat"]!);
        Assert.Equal(now, (long)claims["auth_time"]!);
        Assert.Equal(now + 3600, (long)claims["exp"]!);
        Assert.True(Guid.TryParse((string?)claims["sub"], out _));
        Assert.True(Guid.TryParse((string?)claims["jti"], out _));
    }

    [Fact]
    public async Task PasswordFlow_RightPassword_AccessTokenCarriesCognitosClaims()
    {
        var result = Tokens(await SignInAsync("ana", "s3cret-pass"));
        var id = TestTokens.Payload((string)result["IdToken"]!);

        var claims = TestTokens.Payload((string)result["AccessToken"]!);

        Assert.Equal(["auth_time", "client_id", "cognito:groups", "exp", "iat", "iss", "jti", "scope", "sub", "token_use", "username"],
            claims.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal("ana", (string?)claims["username"]);
        Assert.Equal("sdc-local", (string?)claims["client_id"]);
        Assert.Equal("access", (string?)claims["token_use"]);
        Assert.Equal("aws.cognito.signin.user.admin", (string?)claims["scope"]);
        Assert.Equal(["team", "itf-exi"], claims["cognito:groups"]!.AsArray().Select(g => (string)g!));
        Assert.Equal((string?)id["sub"], (string?)claims["sub"]);
        Assert.NotEqual((string?)id["jti"], (string?)claims["jti"]);
    }

    [Fact]
    public async Task PasswordFlow_UserInNoGroup_OmitsTheGroupsClaim()
    {
        await _world.Accounts.AddAsync("guest", "guest-pass", [], _ct);

        var result = Tokens(await SignInAsync("guest", "guest-pass"));

        Assert.False(TestTokens.Payload((string)result["IdToken"]!).ContainsKey("cognito:groups"));
        Assert.False(TestTokens.Payload((string)result["AccessToken"]!).ContainsKey("cognito:groups"));
    }

    [Fact]
    public async Task PasswordFlow_WrongPassword_NotAuthorized()
    {
        var response = await SignInAsync("ana", "s3cret-pasS");

        AssertError(response, "NotAuthorizedException", "Incorrect username or password.");
    }

    [Fact]
    public async Task PasswordFlow_UnknownUser_SameAnswerAsWrongPassword()
    {
        var unknown = await SignInAsync("nobody", "s3cret-pass");
        var wrong = await SignInAsync("ana", "wrong-pass");

        AssertError(unknown, "NotAuthorizedException", "Incorrect username or password.");
        Assert.Equal(wrong, unknown);
        Assert.DoesNotContain("UserNotFound", unknown.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyFlow_UnknownClient_ResourceNotFound()
    {
        var response = await HandleAsync(Body("USER_PASSWORD_AUTH", "other-client", ("USERNAME", "ana"), ("PASSWORD", "s3cret-pass")));

        AssertError(response, "ResourceNotFoundException", "User pool client other-client does not exist.");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("AWSCognitoIdentityProviderService.SignUp")]
    [InlineData("AWSCognitoIdentityProviderService.initiateauth")]
    public async Task HandleAsync_OtherTarget_UnknownOperation(string? target)
    {
        var response = await _world.Issuer.HandleAsync(target, Body("USER_PASSWORD_AUTH", "sdc-local", ("USERNAME", "ana"), ("PASSWORD", "s3cret-pass")), _ct);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("UnknownOperationException", response.ErrorType);
        Assert.Equal("UnknownOperationException", (string?)JsonNode.Parse(response.Json)!["__type"]);
    }

    [Theory]
    [InlineData("not json", "not a JSON object")]
    [InlineData("[1, 2]", "not a JSON object")]
    [InlineData("""{"AuthFlow":"USER_PASSWORD_AUTH","AuthFlow":"REFRESH_TOKEN_AUTH","ClientId":"sdc-local"}""", "not a JSON object")]
    [InlineData("{}", "Value null at 'authFlow' failed to satisfy constraint: Member must not be null")]
    [InlineData("""{"AuthFlow":5,"ClientId":"sdc-local"}""", "at 'authFlow' failed to satisfy constraint: Member must be a string")]
    [InlineData("""{"AuthFlow":"PASSWORD","ClientId":"sdc-local"}""", "Value 'PASSWORD' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set")]
    [InlineData("""{"AuthFlow":"USER_PASSWORD_AUTH"}""", "Value null at 'clientId'")]
    [InlineData("""{"AuthFlow":"USER_PASSWORD_AUTH","ClientId":""}""", "at 'clientId' failed to satisfy constraint: Member must have length greater than or equal to 1")]
    [InlineData("""{"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"sdc-local"}""", "Missing required parameter USERNAME")]
    [InlineData("""{"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"sdc-local","AuthParameters":{"USERNAME":"ana"}}""", "Missing required parameter PASSWORD")]
    [InlineData("""{"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"sdc-local","AuthParameters":"ana"}""", "at 'authParameters' failed to satisfy constraint")]
    [InlineData("""{"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"sdc-local","AuthParameters":{"USERNAME":7,"PASSWORD":"x"}}""", "at 'authParameters.USERNAME' failed to satisfy constraint: Member must be a string")]
    [InlineData("""{"AuthFlow":"REFRESH_TOKEN_AUTH","ClientId":"sdc-local","AuthParameters":{}}""", "Missing required parameter REFRESH_TOKEN")]
    [InlineData("""{"AuthFlow":"USER_SRP_AUTH","ClientId":"sdc-local","AuthParameters":{"USERNAME":"ana","SRP_A":"1"}}""", "USER_SRP_AUTH flow not enabled for this client")]
    public async Task HandleAsync_MalformedBody_InvalidParameterNamingTheField(string body, string message)
    {
        var response = await HandleAsync(Encoding.UTF8.GetBytes(body));

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("InvalidParameterException", response.ErrorType);
        var error = JsonNode.Parse(response.Json)!;
        Assert.Equal("InvalidParameterException", (string?)error["__type"]);
        Assert.Contains(message, (string?)error["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshFlow_ValidToken_NewIdAndAccessTokensButNoRefreshToken()
    {
        var first = Tokens(await SignInAsync("ana", "s3cret-pass"));
        _world.Clock.Advance(TimeSpan.FromHours(2));

        var response = await RefreshAsync((string)first["RefreshToken"]!);

        Assert.Equal(200, response.StatusCode);
        var result = Tokens(response);
        Assert.Equal(["AccessToken", "ExpiresIn", "IdToken", "TokenType"], result.Select(p => p.Key).Order());
        var claims = TestTokens.Payload((string)result["IdToken"]!);
        var now = AuthWorld.Start.AddHours(2).ToUnixTimeSeconds();
        Assert.Equal(now, (long)claims["iat"]!);
        Assert.Equal(now + 3600, (long)claims["exp"]!);
        Assert.Equal(AuthWorld.Start.ToUnixTimeSeconds(), (long)claims["auth_time"]!);
        Assert.True((await _world.Validator().ValidateAsync((string)result["AccessToken"]!, _ct)).IsValid);
    }

    [Fact]
    public async Task RefreshFlow_GroupsChangedSinceSignIn_TokensCarryTheNewGroups()
    {
        var first = Tokens(await SignInAsync("ana", "s3cret-pass"));
        await _world.Accounts.SetGroupsAsync("ana", ["admin"], _ct);

        var result = Tokens(await RefreshAsync((string)first["RefreshToken"]!, flow: "REFRESH_TOKEN"));

        Assert.Equal(["admin"], TestTokens.Payload((string)result["IdToken"]!)["cognito:groups"]!.AsArray().Select(g => (string)g!));
    }

    [Fact]
    public async Task RefreshFlow_UserRemoved_NotAuthorized()
    {
        var first = Tokens(await SignInAsync("ana", "s3cret-pass"));
        Assert.True(await _world.Accounts.RemoveAsync("ana", _ct));

        var response = await RefreshAsync((string)first["RefreshToken"]!);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("NotAuthorizedException", response.ErrorType);
    }

    [Fact]
    public async Task RefreshFlow_After30Days_NotAuthorizedAndForgotten()
    {
        var refresh = (string)Tokens(await SignInAsync("ana", "s3cret-pass"))["RefreshToken"]!;
        _world.Clock.Advance(TimeSpan.FromDays(30));

        AssertError(await RefreshAsync(refresh), "NotAuthorizedException", "Refresh Token has expired");
        AssertError(await RefreshAsync(refresh), "NotAuthorizedException", "Invalid Refresh Token");
    }

    [Fact]
    public async Task RefreshFlow_MadeUpToken_NotAuthorized()
    {
        AssertError(await RefreshAsync("bm90LWEtcmVmcmVzaC10b2tlbg"), "NotAuthorizedException", "Invalid Refresh Token");
    }

    [Fact]
    public async Task PasswordFlow_RefreshToken_StoredOnlyAsItsSha256()
    {
        var refresh = (string)Tokens(await SignInAsync("ana", "s3cret-pass"))["RefreshToken"]!;
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(refresh)));

        var stored = await _world.Catalog.Users.FindRefreshTokenAsync(hash, _ct);

        Assert.NotNull(stored);
        Assert.Equal("ana", stored.Username);
        Assert.Equal(AuthWorld.Start.AddDays(30), stored.ExpiresAt);
        Assert.Null(await _world.Catalog.Users.FindRefreshTokenAsync(refresh, _ct));
    }

    [Fact]
    public async Task Create_SameKeyFileAfterRestart_TokensOfTheFirstStillValidate()
    {
        var options = new LocalIssuerOptions { KeyPath = Path.Combine(_world.Folder, "restart", "issuer-key.pem") };
        using var first = LocalIssuer.Create(options, _world.Catalog.Users, _world.Clock);
        var token = (string)Tokens(await first.HandleAsync(Target, Body("USER_PASSWORD_AUTH", "sdc-local", ("USERNAME", "ana"), ("PASSWORD", "s3cret-pass")), _ct))["IdToken"]!;

        using var restarted = LocalIssuer.Create(options, _world.Catalog.Users, _world.Clock);
        var result = await new TokenValidator(restarted.ValidatorOptions, restarted.Keys, _world.Clock).ValidateAsync(token, _ct);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(first.JwksJson, restarted.JwksJson);
    }

    [Fact]
    public async Task JwksJson_ParsedAsAFetchedSetWould_ValidatesTheIssuersTokens()
    {
        var token = (string)Tokens(await SignInAsync("ana", "s3cret-pass"))["AccessToken"]!;
        var keys = new StaticJwksSource(JsonWebKeySet.Parse(_world.Issuer.JwksJson));

        var result = await new TokenValidator(_world.Issuer.ValidatorOptions, keys, _world.Clock).ValidateAsync(token, _ct);

        Assert.True(result.IsValid, result.ToString());
    }

    private Task<IssuerResponse> SignInAsync(string username, string password) =>
        HandleAsync(Body("USER_PASSWORD_AUTH", "sdc-local", ("USERNAME", username), ("PASSWORD", password)));

    private Task<IssuerResponse> RefreshAsync(string refreshToken, string flow = "REFRESH_TOKEN_AUTH") =>
        HandleAsync(Body(flow, "sdc-local", ("REFRESH_TOKEN", refreshToken)));

    private Task<IssuerResponse> HandleAsync(byte[] body) => _world.Issuer.HandleAsync(Target, body, _ct);

    private static byte[] Body(string flow, string clientId, params (string Name, string Value)[] parameters)
    {
        var authParameters = new JsonObject();
        foreach (var (name, value) in parameters)
        {
            authParameters[name] = value;
        }
        return Encoding.UTF8.GetBytes(new JsonObject { ["AuthFlow"] = flow, ["ClientId"] = clientId, ["AuthParameters"] = authParameters }.ToJsonString());
    }

    private static JsonObject Tokens(IssuerResponse response)
    {
        Assert.True(response.StatusCode == 200, response.Json);
        return JsonNode.Parse(response.Json)!["AuthenticationResult"]!.AsObject();
    }

    private static void AssertError(IssuerResponse response, string type, string message)
    {
        Assert.Equal(400, response.StatusCode);
        Assert.Equal(type, response.ErrorType);
        var error = JsonNode.Parse(response.Json)!.AsObject();
        Assert.Equal(["__type", "message"], error.Select(p => p.Key));
        Assert.Equal(type, (string?)error["__type"]);
        Assert.Equal(message, (string?)error["message"]);
    }
}
