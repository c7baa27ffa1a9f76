using System.Text;
using System.Text.Json;
using Sdc.Api.Http;

namespace Sdc.Api.Gateway;

/// <summary>
/// API Gateway's side of the API: a proxy event becomes an <see cref="ApiRequest"/> with the
/// caller read from the authorizer's claims (the authorizer has already checked the token; routes
/// under /public have none, so their callers are anonymous), and the handler's answer becomes a
/// proxy response.
/// </summary>
public static class ProxyAdapter
{
    public static ApiRequest ToRequest(ProxyRequest proxy)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        var path = proxy.Path ?? "/";
        // A custom domain's base path mapping or the stage may prefix the path; the API's own start at /v1 or /public.
        foreach (var root in (string[])["/public/v1/", "/v1/"])
        {
            var at = path.IndexOf(root, StringComparison.Ordinal);
            if (at > 0)
            {
                path = path[at..];
                break;
            }
        }
        var query = proxy.MultiValueQueryStringParameters?.ToDictionary(q => q.Key, q => (IReadOnlyList<string>)q.Value, StringComparer.Ordinal)
                    ?? proxy.QueryStringParameters?.ToDictionary(q => q.Key, q => (IReadOnlyList<string>)[q.Value], StringComparer.Ordinal)
                    ?? new Dictionary<string, IReadOnlyList<string>>();
        var body = proxy.Body is null ? [] : proxy.IsBase64Encoded ? Convert.FromBase64String(proxy.Body) : Encoding.UTF8.GetBytes(proxy.Body);
        var caller = ApiHandler.IsPublicPath(path) ? Caller.Anonymous : CallerOf(proxy.RequestContext?.Authorizer?.Claims);
        return new ApiRequest(proxy.HttpMethod ?? "GET", path, query, body, caller);
    }

    public static ProxyResponse ToProxy(ApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = new Dictionary<string, string>(response.Headers, StringComparer.OrdinalIgnoreCase);
        if (response.ContentType is { } type)
        {
            headers["Content-Type"] = type;
        }
        var text = response.ContentType is ApiResponse.Json or ApiResponse.ProblemJson || response.Body.Length == 0;
        return new ProxyResponse(response.Status, headers, text ? Encoding.UTF8.GetString(response.Body) : Convert.ToBase64String(response.Body), !text);
    }

    /// <summary>
    /// The caller named by Cognito claims. A REST API authorizer passes <c>cognito:groups</c> as one
    /// string, comma-separated (and an HTTP API as "[a b]"), so every such spelling is read.
    /// </summary>
    public static Caller CallerOf(IReadOnlyDictionary<string, string>? claims)
    {
        if (claims is null)
        {
            return Caller.Anonymous;
        }
        var username = claims.GetValueOrDefault("cognito:username") ?? claims.GetValueOrDefault("username") ?? claims.GetValueOrDefault("sub");
        if (username is null)
        {
            return Caller.Anonymous;
        }
        var groups = claims.GetValueOrDefault("cognito:groups") is { } text
            ? text.Trim('[', ']').Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
        return new Caller(username, groups);
    }

    public static ProxyRequest ReadEvent(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, GatewayJsonContext.Default.ProxyRequest)
        ?? throw new JsonException("The event is JSON null; expected an API Gateway proxy event.");
}
