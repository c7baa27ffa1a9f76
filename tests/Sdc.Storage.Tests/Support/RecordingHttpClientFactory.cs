using Amazon.Runtime;

namespace Sdc.Storage.Tests.Support;

/// <summary>
/// Gives the SDK an ordinary HttpClient whose handler writes down every request it sends to the
/// real server, so tests can see the wire protocol (multipart parts, Content-MD5, aborts).
/// </summary>
public sealed class RecordingHttpClientFactory : HttpClientFactory
{
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public void Clear()
    {
        lock (_requests)
        {
            _requests.Clear();
        }
    }

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new RecordingHandler(this));

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    private void Add(RecordedRequest request)
    {
        lock (_requests)
        {
            _requests.Add(request);
        }
    }

    private sealed class RecordingHandler(RecordingHttpClientFactory owner) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
            owner.Add(new RecordedRequest(request.Method.Method, request.RequestUri!, headers));
            return base.SendAsync(request, cancellationToken);
        }
    }
}

public sealed record RecordedRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers)
{
    public bool HasQuery(string name) =>
        Uri.Query.TrimStart('?').Split('&').Any(p => p.Split('=')[0] == name);
}
