using Sdc.Testing;

namespace Sdc.Local.Auth.Tests.Support;

/// <summary>
/// A fresh pool in the test services' cognito-local for one test class: its app client and a
/// second client, users <c>ana</c> (group team) and <c>ben</c> (itf-exi and itf-emr), and a
/// second pool that shares cognito-local's signing key.
/// </summary>
public sealed class CognitoLocalFixture : IAsyncLifetime
{
    public const string Password = "Sdc-test-1!";

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public CognitoLocalPool Pool { get; private set; } = null!;

    public CognitoLocalPool OtherPool { get; private set; } = null!;

    /// <summary>A second app client of <see cref="Pool"/>.</summary>
    public string OtherClientId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var endpoint = CognitoLocalPool.EndpointFromEnvironment();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        Pool = await CognitoLocalPool.CreateAsync(Http, endpoint, "sdc-tests", [
            new CognitoLocalUser("ana", Password, ["team"]),
            new CognitoLocalUser("ben", Password, ["itf-exi", "itf-emr"]),
        ], timeout.Token);
        OtherClientId = await Pool.AddClientAsync("another-app", timeout.Token);
        OtherPool = await CognitoLocalPool.CreateAsync(Http, endpoint, "sdc-tests-other", [new CognitoLocalUser("ana", Password, ["admin"])], timeout.Token);
    }

    public Task DisposeAsync()
    {
        Http.Dispose();
        return Task.CompletedTask;
    }
}
