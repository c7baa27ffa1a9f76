namespace Sdc.Local.Auth;

/// <summary>
/// An issuer's JWKS fetched over HTTP and cached: how a host trusts a Cognito user pool
/// (<c>https://cognito-idp.&lt;region&gt;.amazonaws.com/&lt;poolId&gt;/.well-known/jwks.json</c>) or
/// cognito-local. The set is fetched on first use and again after <see cref="CacheLifetime"/>;
/// a token naming a key the cached set lacks triggers one refetch (the issuer may have rotated its
/// keys), at most once per <see cref="MinimumRefetchInterval"/>, so a stream of tokens with made-up
/// key ids cannot turn into a stream of requests to the issuer.
/// </summary>
public sealed class HttpJwksSource(HttpClient httpClient, Uri jwksUrl, TimeProvider timeProvider) : IJwksSource, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _snapshot;
    private DateTimeOffset _lastAttempt = DateTimeOffset.MinValue;

    public Uri JwksUrl { get; } = jwksUrl ?? throw new ArgumentNullException(nameof(jwksUrl));

    /// <summary>How long a fetched set is used before it is fetched again.</summary>
    public TimeSpan CacheLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The shortest time between two fetches caused by unknown key ids.</summary>
    public TimeSpan MinimumRefetchInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The key, fetching the set when needed. Throws <see cref="HttpRequestException"/> when the
    /// set was never fetched and cannot be; once one was, a failed refetch keeps the old set.
    /// </summary>
    public async ValueTask<RsaJsonWebKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && !IsStale(snapshot) && snapshot.Keys.TryGetValue(keyId, out var cached))
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            snapshot = _snapshot;
            var now = timeProvider.GetUtcNow();
            var mayRefetch = now - _lastAttempt >= MinimumRefetchInterval;
            if (snapshot is null || ((IsStale(snapshot) || !snapshot.Keys.ContainsKey(keyId)) && mayRefetch))
            {
                snapshot = await FetchAsync(snapshot, cancellationToken);
            }
            return snapshot.Keys.GetValueOrDefault(keyId);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private bool IsStale(Snapshot snapshot) => timeProvider.GetUtcNow() - snapshot.FetchedAt >= CacheLifetime;

    private async Task<Snapshot> FetchAsync(Snapshot? previous, CancellationToken cancellationToken)
    {
        _lastAttempt = timeProvider.GetUtcNow();
        try
        {
            using var response = await httpClient.GetAsync(JwksUrl, cancellationToken);
            response.EnsureSuccessStatusCode();
            var keys = JsonWebKeySet.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var fresh = new Snapshot(keys.ToDictionary(k => k.KeyId, StringComparer.Ordinal), _lastAttempt);
            _snapshot = fresh;
            return fresh;
        }
        catch (Exception e) when (e is HttpRequestException or FormatException or ArgumentException
                                  || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            if (previous is not null)
            {
                return previous;
            }
            throw new HttpRequestException($"The JWKS at {JwksUrl} could not be read: {e.Message}", e);
        }
    }

    private sealed record Snapshot(Dictionary<string, RsaJsonWebKey> Keys, DateTimeOffset FetchedAt);
}
