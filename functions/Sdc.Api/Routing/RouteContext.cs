using System.Globalization;
using Sdc.Api.Http;

namespace Sdc.Api.Routing;

/// <summary>A matched call: the request and the values of the route's <c>{placeholders}</c>.</summary>
public sealed class RouteContext(ApiRequest request, IReadOnlyDictionary<string, string> values)
{
    public ApiRequest Request { get; } = request;

    public Caller Caller => Request.Caller;

    /// <summary>A positive integer path value (an id or a release number).</summary>
    public long Id(string name)
    {
        var text = values[name];
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }
        throw ApiProblemException.BadParameter(name, $"'{QueryParameters.Shown(text)}' is not a valid {name}.", "a positive integer");
    }

    /// <summary>The query, accepting only <paramref name="accepted"/>.</summary>
    public QueryParameters Query(params string[] accepted) => new(Request.Query, accepted);
}
