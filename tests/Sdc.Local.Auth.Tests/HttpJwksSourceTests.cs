using Sdc.Local.Auth.Tests.Support;

namespace Sdc.Local.Auth.Tests;

public sealed class HttpJwksSourceTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Start = new(2021, 2, 24, 6, 0, 0, TimeSpan.Zero);

    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;
    private readonly IssuerKey _first = IssuerKey.CreateEphemeral();
    private readonly IssuerKey _second = IssuerKey.CreateEphemeral();
    private readonly ManualClock _clock = new(Start);
    private readonly HttpClient _http = new();
    private JwksServer _server = null!;

    public Task InitializeAsync()
    {
        _server = new JwksServer(JsonWebKeySet.ToJson([_first.PublicKey]));
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _server.Dispose();
        _http.Dispose();
        _first.Dispose();
        _second.Dispose();
    }

    [Fact]
    public async Task FindAsync_KnownKeyTwice_FetchesOnce()
    {
        using var source = new HttpJwksSource(_http, _server.Url, _clock);

        Assert.Equal(_first.PublicKey, await source.FindAsync(_first.KeyId, _ct));
        Assert.Equal(_first.PublicKey, await source.FindAsync(_first.KeyId, _ct));

        Assert.Equal(1, _server.Requests);
    }

    [Fact]
    public async Task FindAsync_KeyRotated_RefetchesOnceForTheNewKid()
    {
        using var source = new HttpJwksSource(_http, _server.Url, _clock);
        await source.FindAsync(_first.KeyId, _ct);
        _server.Jwks = JsonWebKeySet.ToJson([_first.PublicKey, _second.PublicKey]);
        _clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(_second.PublicKey, await source.FindAsync(_second.KeyId, _ct));
        Assert.Equal(_second.PublicKey, await source.FindAsync(_second.KeyId, _ct));

        Assert.Equal(2, _server.Requests);
    }

    [Fact]
    public async Task FindAsync_UnknownKidsInQuickSuccession_RefetchAtMostOncePerInterval()
    {
        using var source = new HttpJwksSource(_http, _server.Url, _clock);
        await source.FindAsync(_first.KeyId, _ct);
        _clock.Advance(TimeSpan.FromSeconds(10));

        for (var i = 0; i < 5; i++)
        {
            Assert.Null(await source.FindAsync($"made-up-{i}", _ct));
        }

        Assert.Equal(2, _server.Requests);
    }

    [Fact]
    public async Task FindAsync_CacheLifetimeOver_FetchesAgain()
    {
        using var source = new HttpJwksSource(_http, _server.Url, _clock);
        await source.FindAsync(_first.KeyId, _ct);
        _server.Jwks = JsonWebKeySet.ToJson([_second.PublicKey]);
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Null(await source.FindAsync(_first.KeyId, _ct));
        Assert.Equal(2, _server.Requests);
    }

    [Fact]
    public async Task FindAsync_RefetchFails_KeepsTheKeysItHad()
    {
        using var source = new HttpJwksSource(_http, _server.Url, _clock);
        await source.FindAsync(_first.KeyId, _ct);
        _server.FailWith = 503;
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(_first.PublicKey, await source.FindAsync(_first.KeyId, _ct));
        Assert.Equal(2, _server.Requests);
    }

    [Fact]
    public async Task FindAsync_FirstFetchFails_ThrowsNamingTheUrl()
    {
        _server.FailWith = 500;
        using var source = new HttpJwksSource(_http, _server.Url, _clock);

        var error = await Assert.ThrowsAsync<HttpRequestException>(async () => await source.FindAsync(_first.KeyId, _ct));

        Assert.Contains(_server.Url.AbsoluteUri, error.Message, StringComparison.Ordinal);
    }
}
