using Sdc.Api.Http;

namespace Sdc.Api.Routing;

/// <summary>Finds a request's route and checks that the caller may use it: 401 without a token, 403 outside its groups.</summary>
public sealed class RouteTable(IReadOnlyList<Route> routes)
{
    private const int MaxPathLength = 1024;

    public IReadOnlyList<Route> Routes { get; } = routes;

    public (Route Route, RouteContext Context) Resolve(ApiRequest request)
    {
        if (request.Path.Length > MaxPathLength)
        {
            throw ApiProblemException.NotFound($"No such resource (the path is {request.Path.Length} characters long).");
        }
        var segments = request.Path.Trim('/').Split('/');
        var allowed = new List<string>();
        foreach (var route in Routes)
        {
            if (route.Match(segments) is not { } values)
            {
                continue;
            }
            if (!string.Equals(route.Method, request.Method, StringComparison.OrdinalIgnoreCase))
            {
                allowed.Add(route.Method);
                continue;
            }
            Authorize(route, request.Caller);
            return (route, new RouteContext(request, values));
        }

        if (allowed.Count > 0)
        {
            throw new ApiProblemException(405, "method-not-allowed", "Method not allowed",
                $"{request.Method} is not accepted on {QueryParameters.Shown(request.Path)}.", null, string.Join(", ", allowed));
        }
        throw ApiProblemException.NotFound($"No such resource: {QueryParameters.Shown(request.Path)}. The API's routes start with /v1/ or /public/v1/.");
    }

    private static void Authorize(Route route, Caller caller)
    {
        if (route.Access == Access.Anyone)
        {
            return;
        }
        if (!caller.IsSignedIn)
        {
            throw ApiProblemException.Unauthorized("This route needs a token: send 'Authorization: Bearer <token>' (sign in with `sdc login`), or use /public/v1/ for released data.");
        }
        var (allowed, who) = route.Access switch
        {
            Access.Admin => (caller.IsAdmin, "the admin group"),
            Access.DataUser => (caller.IsDataUser, "the admin, team or itf-<instrument> groups"),
            _ => (true, ""),
        };
        if (!allowed)
        {
            throw ApiProblemException.Forbidden($"{route.Method} {route.Template} is for {who}; {caller.Username} is in {GroupList(caller)}.");
        }
    }

    private static string GroupList(Caller caller) =>
        caller.Groups.Count == 0 ? "no group" : "group(s) " + string.Join(", ", caller.Groups);
}
