using Sdc.Local.Auth.Tests.Support;

namespace Sdc.Local.Auth.Tests;

/// <summary>
/// The validator against tokens a Cognito emulator issues (cognito-local, from the test
/// services): the path a host takes to trust a real Cognito pool, its JWKS fetched over HTTP.
/// </summary>
public sealed class CognitoLocalValidationTests(CognitoLocalFixture cognito) : IClassFixture<CognitoLocalFixture>, IDisposable
{
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token;
    private readonly HttpJwksSource _keys = new(cognito.Http, cognito.Pool.JwksUrl, TimeProvider.System);

    public void Dispose() => _keys.Dispose();

    [Fact]
    public async Task ValidateAsync_IdTokenOfUserInTeam_ValidWithGroup()
    {
        var tokens = await cognito.Pool.SignInAsync("ana", CognitoLocalFixture.Password, _ct);

        var result = await Validator().ValidateAsync((string)tokens["IdToken"]!, _ct);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal("ana", result.Token.Username);
        Assert.Equal(["team"], result.Token.Groups);
        Assert.Equal(TokenUse.Id, result.Token.TokenUse);
        Assert.True(result.Token.ExpiresAt > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task ValidateAsync_AccessTokenOfItfUser_ValidWithBothGroups()
    {
        var tokens = await cognito.Pool.SignInAsync("ben", CognitoLocalFixture.Password, _ct);

        var result = await Validator().ValidateAsync((string)tokens["AccessToken"]!, _ct);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal("ben", result.Token.Username);
        Assert.Equal(["itf-emr", "itf-exi"], result.Token.Groups.Order(StringComparer.Ordinal));
        Assert.Equal(TokenUse.Access, result.Token.TokenUse);
    }

    [Fact]
    public async Task ValidateAsync_TokensOfAnotherClient_WrongAudience()
    {
        var tokens = await cognito.Pool.SignInAsync("ana", CognitoLocalFixture.Password, _ct, cognito.OtherClientId);

        var id = await Validator().ValidateAsync((string)tokens["IdToken"]!, _ct);
        var access = await Validator().ValidateAsync((string)tokens["AccessToken"]!, _ct);

        Assert.Equal(TokenFailure.WrongAudience, id.Failure);
        Assert.Equal(TokenFailure.WrongAudience, access.Failure);
    }

    [Fact]
    public async Task ValidateAsync_TokenOfAnotherPoolSignedWithTheSameKey_WrongIssuer()
    {
        var tokens = await cognito.OtherPool.SignInAsync("ana", CognitoLocalFixture.Password, _ct);

        var result = await Validator().ValidateAsync((string)tokens["IdToken"]!, _ct);

        Assert.Equal(TokenFailure.WrongIssuer, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_CognitoLocalsRefreshToken_Refused()
    {
        // cognito-local's refresh tokens are JWTs too, signed by the same key, but not for bearer use.
        var tokens = await cognito.Pool.SignInAsync("ana", CognitoLocalFixture.Password, _ct);

        var result = await Validator().ValidateAsync((string)tokens["RefreshToken"]!, _ct);

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task ValidateAsync_TokenOfTheLocalIssuer_BadSignature()
    {
        await using var world = await AuthWorld.CreateAsync(_ct);
        await world.Accounts.AddAsync("ana", CognitoLocalFixture.Password, ["team"], _ct);
        var body = System.Text.Encoding.UTF8.GetBytes(
            $$$"""{"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"sdc-local","AuthParameters":{"USERNAME":"ana","PASSWORD":"{{{CognitoLocalFixture.Password}}}"}}""");
        var response = await world.Issuer.HandleAsync(LocalIssuer.InitiateAuthTarget, body, _ct);
        var idToken = (string)System.Text.Json.Nodes.JsonNode.Parse(response.Json)!["AuthenticationResult"]!["IdToken"]!;

        var result = await Validator().ValidateAsync(idToken, _ct);

        Assert.Equal(TokenFailure.BadSignature, result.Failure);
    }

    private TokenValidator Validator() =>
        new(new TokenValidatorOptions { Issuer = cognito.Pool.Issuer, ClientId = cognito.Pool.ClientId }, _keys, TimeProvider.System);
}
