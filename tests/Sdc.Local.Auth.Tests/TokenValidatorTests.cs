using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Sdc.Local.Auth.Tests.Support;

namespace Sdc.Local.Auth.Tests;

public sealed class TokenValidatorTests : IAsyncLifetime
{
    private const string Target = "AWSCognitoIdentityProviderService.InitiateAuth";

    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;
    private AuthWorld _world = null!;
    private string _idToken = "";
    private string _accessToken = "";

    public async Task InitializeAsync()
    {
        _world = await AuthWorld.CreateAsync(_ct);
        await _world.Accounts.AddAsync("ana", "s3cret-pass", ["team", "itf-exi"], _ct);
        (_idToken, _accessToken) = await SignInAsync(_world.Issuer);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task ValidateAsync_IssuersIdToken_ValidWithUserAndGroups()
    {
        var result = await _world.Validator().ValidateAsync(_idToken, _ct);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal("ana", result.Token.Username);
        Assert.Equal(["team", "itf-exi"], result.Token.Groups);
        Assert.Equal(TokenUse.Id, result.Token.TokenUse);
        Assert.Equal(AuthWorld.Start.AddHours(1), result.Token.ExpiresAt);
        Assert.Equal((string?)TestTokens.Payload(_idToken)["sub"], result.Token.Subject);
        Assert.Null(result.Failure);
        Assert.Equal("", result.Reason);
    }

    [Fact]
    public async Task ValidateAsync_IssuersAccessToken_ValidWithUserAndGroups()
    {
        var result = await _world.Validator().ValidateAsync(_accessToken, _ct);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal("ana", result.Token.Username);
        Assert.Equal(["team", "itf-exi"], result.Token.Groups);
        Assert.Equal(TokenUse.Access, result.Token.TokenUse);
    }

    [Fact]
    public async Task ValidateAsync_UserInNoGroup_ValidWithNoGroups()
    {
        await _world.Accounts.AddAsync("guest", "guest-pass", [], _ct);
        var (id, _) = await SignInAsync(_world.Issuer, "guest", "guest-pass");

        var result = await _world.Validator().ValidateAsync(id, _ct);

        Assert.True(result.IsValid, result.ToString());
        Assert.Empty(result.Token.Groups);
    }

    [Fact]
    public async Task ValidateAsync_PastExpiryWithinSkew_StillValid()
    {
        _world.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(29));

        Assert.True((await _world.Validator().ValidateAsync(_idToken, _ct)).IsValid);
    }

    [Fact]
    public async Task ValidateAsync_PastExpiryAndSkew_Expired()
    {
        _world.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(30));

        AssertRefused(await _world.Validator().ValidateAsync(_idToken, _ct), TokenFailure.Expired, "token expired");
        AssertRefused(await _world.Validator().ValidateAsync(_accessToken, _ct), TokenFailure.Expired, "token expired");
    }

    [Fact]
    public async Task ValidateAsync_ZeroSkewAtExp_Expired()
    {
        var options = new TokenValidatorOptions { Issuer = _world.Issuer.Issuer, ClientId = _world.Issuer.ClientId, ClockSkew = TimeSpan.Zero };
        _world.Clock.Advance(TimeSpan.FromHours(1));

        AssertRefused(await _world.Validator(options).ValidateAsync(_idToken, _ct), TokenFailure.Expired, "token expired");
    }

    [Fact]
    public async Task ValidateAsync_NotBeforeInTheFuture_NotYetValid()
    {
        var claims = TestTokens.Payload(_idToken);
        claims["nbf"] = AuthWorld.Start.AddMinutes(5).ToUnixTimeSeconds();

        var result = await _world.Validator().ValidateAsync(TestTokens.SignWith(_world.Key, claims), _ct);

        AssertRefused(result, TokenFailure.NotYetValid, "token not yet valid");
    }

    [Fact]
    public async Task ValidateAsync_SignedByAnotherKeyUnderTheIssuersKid_BadSignature()
    {
        using var other = RSA.Create(2048);
        var forged = TestTokens.SignRs256(other, TestTokens.Header(_idToken), TestTokens.Payload(_idToken));

        AssertRefused(await _world.Validator().ValidateAsync(forged, _ct), TokenFailure.BadSignature, "bad signature");
    }

    [Fact]
    public async Task ValidateAsync_OtherIssuersKey_BadSignatureUnknownKey()
    {
        using var otherKey = IssuerKey.CreateEphemeral();
        using var other = new LocalIssuer(_world.Options, otherKey, _world.Catalog.Users, _world.Clock);
        var (id, _) = await SignInAsync(other);

        AssertRefused(await _world.Validator().ValidateAsync(id, _ct), TokenFailure.BadSignature, "signed by an unknown key");
    }

    [Fact]
    public async Task ValidateAsync_PayloadEditedAfterSigning_BadSignature()
    {
        var parts = _idToken.Split('.');
        var claims = TestTokens.Payload(_idToken);
        claims["cognito:groups"] = new JsonArray("admin");
        var edited = $"{parts[0]}.{TestTokens.Segment(claims)}.{parts[2]}";

        AssertRefused(await _world.Validator().ValidateAsync(edited, _ct), TokenFailure.BadSignature, "bad signature");
    }

    [Fact]
    public async Task ValidateAsync_SameKeyOtherIssuer_WrongIssuer()
    {
        var options = new LocalIssuerOptions { KeyPath = _world.KeyPath, BaseUrl = new Uri("http://127.0.0.1:9090") };
        using var other = new LocalIssuer(options, _world.Key, _world.Catalog.Users, _world.Clock);
        var (id, access) = await SignInAsync(other);

        AssertRefused(await _world.Validator().ValidateAsync(id, _ct), TokenFailure.WrongIssuer, "wrong issuer");
        AssertRefused(await _world.Validator().ValidateAsync(access, _ct), TokenFailure.WrongIssuer, "wrong issuer");
    }

    [Fact]
    public async Task ValidateAsync_SameIssuerOtherClient_WrongAudience()
    {
        var options = new LocalIssuerOptions { KeyPath = _world.KeyPath, ClientId = "another-client" };
        using var other = new LocalIssuer(options, _world.Key, _world.Catalog.Users, _world.Clock);
        var (id, access) = await SignInAsync(other, clientId: "another-client");

        AssertRefused(await _world.Validator().ValidateAsync(id, _ct), TokenFailure.WrongAudience, "wrong audience");
        AssertRefused(await _world.Validator().ValidateAsync(access, _ct), TokenFailure.WrongAudience, "wrong audience");
    }

    [Fact]
    public async Task ValidateAsync_AudienceAsListWithOurClient_Valid()
    {
        var claims = TestTokens.Payload(_idToken);
        claims["aud"] = new JsonArray("someone-else", "sdc-local");

        var result = await _world.Validator().ValidateAsync(TestTokens.SignWith(_world.Key, claims), _ct);

        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public async Task ValidateAsync_AlgNone_Refused()
    {
        var header = new JsonObject { ["alg"] = "none", ["kid"] = _world.Key.KeyId };
        var unsigned = $"{TestTokens.Segment(header)}.{_idToken.Split('.')[1]}.";

        AssertRefused(await _world.Validator().ValidateAsync(unsigned, _ct), TokenFailure.UnsupportedAlgorithm, "algorithm none not accepted (RS256 only)");
    }

    [Fact]
    public async Task ValidateAsync_Hs256WithThePublicKeyAsSecret_Refused()
    {
        // The classic confusion attack: HMAC keyed with the published key material.
        var header = new JsonObject { ["alg"] = "HS256", ["kid"] = _world.Key.KeyId };
        var input = $"{TestTokens.Segment(header)}.{_idToken.Split('.')[1]}";
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(_world.Issuer.JwksJson), Encoding.ASCII.GetBytes(input));

        var result = await _world.Validator().ValidateAsync($"{input}.{TestTokens.Segment(mac)}", _ct);

        AssertRefused(result, TokenFailure.UnsupportedAlgorithm, "algorithm HS256 not accepted (RS256 only)");
    }

    [Theory]
    [InlineData(null, "no token")]
    [InlineData("", "no token")]
    [InlineData("garbage", "not a signed JWT")]
    [InlineData("a.b", "not a signed JWT")]
    [InlineData("a.b.c.d", "not a signed JWT")]
    [InlineData("!!!.###.$$$", "token header is not base64url JSON")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "token header has no kid")]
    [InlineData("WzFd.e30.c2ln", "token header is not base64url JSON")]
    public async Task ValidateAsync_Garbage_Malformed(string? token, string reason)
    {
        AssertRefused(await _world.Validator().ValidateAsync(token, _ct), TokenFailure.Malformed, reason);
    }

    [Fact]
    public async Task ValidateAsync_PaddedOrSpacedSegments_Malformed()
    {
        var parts = _idToken.Split('.');

        var spaced = await _world.Validator().ValidateAsync($"{parts[0]}.{parts[1]}.{parts[2][..10]} {parts[2][10..]}", _ct);

        AssertRefused(spaced, TokenFailure.Malformed, "signature is not base64url");
    }

    [Fact]
    public async Task ValidateAsync_HugeToken_MalformedWithoutKeyLookup()
    {
        var huge = _idToken + new string('A', 20_000);

        AssertRefused(await _world.Validator().ValidateAsync(huge, _ct), TokenFailure.Malformed, "token too long");
    }

    [Theory]
    [InlineData("token_use", null, "token_use must be id or access")]
    [InlineData("token_use", "refresh", "token_use must be id or access")]
    [InlineData("exp", null, "exp missing or not a number")]
    [InlineData("exp", "tomorrow", "exp missing or not a number")]
    [InlineData("cognito:username", null, "no username claim")]
    [InlineData("cognito:groups", "team", "cognito:groups is not a list of names")]
    public async Task ValidateAsync_SignedButClaimMissingOrWrongType_Malformed(string claim, string? value, string reason)
    {
        var claims = TestTokens.Payload(_idToken);
        claims.Remove(claim);
        if (value is not null)
        {
            claims[claim] = value;
        }

        AssertRefused(await _world.Validator().ValidateAsync(TestTokens.SignWith(_world.Key, claims), _ct), TokenFailure.Malformed, reason);
    }

    [Fact]
    public async Task ValidateAsync_CriticalHeader_Malformed()
    {
        var header = new JsonObject { ["kid"] = _world.Key.KeyId, ["alg"] = "RS256", ["crit"] = new JsonArray("exp"), ["exp"] = 1 };

        var result = await _world.Validator().ValidateAsync(TestTokens.SignWith(_world.Key, TestTokens.Payload(_idToken), header), _ct);

        AssertRefused(result, TokenFailure.Malformed, "critical header extensions not supported");
    }

    [Fact]
    public void Constructor_SkewOverAMinute_Throws()
    {
        var options = new TokenValidatorOptions { Issuer = "x", ClientId = "y", ClockSkew = TimeSpan.FromSeconds(61) };

        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenValidator(options, _world.Issuer.Keys, _world.Clock));
    }

    private async Task<(string IdToken, string AccessToken)> SignInAsync(LocalIssuer issuer, string username = "ana", string password = "s3cret-pass", string clientId = "sdc-local")
    {
        var body = new JsonObject
        {
            ["AuthFlow"] = "USER_PASSWORD_AUTH",
            ["ClientId"] = clientId,
            ["AuthParameters"] = new JsonObject { ["USERNAME"] = username, ["PASSWORD"] = password },
        };
        var response = await issuer.HandleAsync(Target, Encoding.UTF8.GetBytes(body.ToJsonString()), _ct);
        Assert.True(response.StatusCode == 200, response.Json);
        var result = JsonNode.Parse(response.Json)!["AuthenticationResult"]!;
        return ((string)result["IdToken"]!, (string)result["AccessToken"]!);
    }

    private static void AssertRefused(TokenValidationResult result, TokenFailure failure, string reason)
    {
        Assert.False(result.IsValid, $"accepted a token that should fail with {failure}");
        Assert.Equal(failure, result.Failure);
        Assert.Equal(reason, result.Reason);
        Assert.Null(result.Token);
    }
}
