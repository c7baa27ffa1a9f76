using Sdc.Api.Http;

namespace Sdc.Api.Routing;

/// <summary>One endpoint: method, path template (<c>/v1/products/{id}</c>), who may call it, and what answers it.</summary>
public sealed class Route
{
    private readonly string[] _segments;

    public Route(string method, string template, Access access, Func<RouteContext, CancellationToken, Task<ApiResponse>> handler)
    {
        Method = method;
        Template = template;
        Access = access;
        Handler = handler;
        _segments = template.Trim('/').Split('/');
    }

    public string Method { get; }

    public string Template { get; }

    public Access Access { get; }

    public Func<RouteContext, CancellationToken, Task<ApiResponse>> Handler { get; }

    /// <summary>The placeholder values when <paramref name="segments"/> fit the template, else null.</summary>
    public Dictionary<string, string>? Match(IReadOnlyList<string> segments)
    {
        if (segments.Count != _segments.Length)
        {
            return null;
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < _segments.Length; i++)
        {
            var part = _segments[i];
            if (part.StartsWith('{') && part.EndsWith('}'))
            {
                values[part[1..^1]] = segments[i];
            }
            else if (!string.Equals(part, segments[i], StringComparison.Ordinal))
            {
                return null;
            }
        }
        return values;
    }
}
