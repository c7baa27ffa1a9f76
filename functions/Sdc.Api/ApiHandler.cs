using System.Text.Json;
using Microsoft.Extensions.Logging;
using Sdc.Api.Endpoints;
using Sdc.Api.Http;
using Sdc.Api.Json;
using Sdc.Api.Releases;
using Sdc.Api.Routing;

namespace Sdc.Api;

/// <summary>
/// The API: a request in (from API Gateway's proxy event or the local host), a response out.
/// Routes and who may call them are listed here, in one table; refusals become RFC 7807 problems.
/// </summary>
public sealed class ApiHandler
{
    private readonly RouteTable _routes;
    private readonly ILogger<ApiHandler> _logger;

    public ApiHandler(ApiServices services, ILogger<ApiHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(services);
        _logger = logger;
        var views = new ProductViews(services.Catalog);
        var products = new ProductEndpoints(services, views);
        var runs = new RunEndpoints(services);
        var coverage = new CoverageEndpoint(services);
        var reprocess = new ReprocessEndpoint(services);
        var releases = new ReleaseEndpoints(services, new ReleasePublisher(services.Catalog, services.Store, services.Clock));
        var uploads = new UploadEndpoint(services);
        var account = new AccountEndpoints(services);
        Products = products;
        _routes = new RouteTable(
        [
            new("GET", "/v1/me", Access.SignedIn, AccountEndpoints.MeAsync),
            new("GET", "/v1/products", Access.DataUser, (c, t) => products.SearchAsync(c, publicRoute: false, t)),
            new("GET", "/v1/products/{id}", Access.DataUser, (c, t) => products.GetAsync(c, publicRoute: false, t)),
            new("GET", "/v1/products/{id}/download", Access.DataUser, (c, t) => products.DownloadAsync(c, publicRoute: false, t)),
            new("GET", "/v1/products/{id}/header", Access.DataUser, (c, t) => products.HeaderAsync(c, publicRoute: false, t)),
            new("POST", "/v1/downloads", Access.DataUser, products.BulkAsync),
            new("GET", "/v1/files", Access.DataUser, products.ListFilesAsync),
            new("GET", "/v1/files/{id}", Access.DataUser, (c, t) => products.GetAsync(c, publicRoute: false, t)),
            new("GET", "/v1/files/{id}/download", Access.DataUser, (c, t) => products.DownloadAsync(c, publicRoute: false, t)),
            new("GET", "/v1/runs", Access.DataUser, runs.ListAsync),
            new("GET", "/v1/runs/{id}", Access.DataUser, runs.GetAsync),
            new("GET", "/v1/jobs/{id}", Access.DataUser, runs.GetJobAsync),
            new("GET", "/v1/jobs/{id}/log", Access.DataUser, runs.LogAsync),
            new("GET", "/v1/coverage", Access.DataUser, coverage.GetAsync),
            new("POST", "/v1/reprocess", Access.DataUser, reprocess.PostAsync),
            new("GET", "/v1/releases", Access.SignedIn, releases.ListAsync),
            new("GET", "/v1/releases/{number}", Access.SignedIn, releases.GetAsync),
            new("POST", "/v1/releases", Access.Admin, releases.CreateAsync),
            new("POST", "/v1/uploads", Access.DataUser, uploads.PostAsync),
            new("GET", "/public/v1/config", Access.Anyone, account.ConfigAsync),
            new("GET", "/public/v1/products", Access.Anyone, (c, t) => products.SearchAsync(c, publicRoute: true, t)),
            new("GET", "/public/v1/products/{id}", Access.Anyone, (c, t) => products.GetAsync(c, publicRoute: true, t)),
            new("GET", "/public/v1/products/{id}/download", Access.Anyone, (c, t) => products.DownloadAsync(c, publicRoute: true, t)),
            new("GET", "/public/v1/products/{id}/header", Access.Anyone, (c, t) => products.HeaderAsync(c, publicRoute: true, t)),
            new("GET", "/public/v1/releases", Access.Anyone, releases.ListAsync),
            new("GET", "/public/v1/releases/{number}", Access.Anyone, releases.GetAsync),
        ]);
    }

    public IReadOnlyList<Route> Routes => _routes.Routes;

    private ProductEndpoints Products { get; }

    /// <summary>True for paths served without a token: the host must not ask for one (on AWS these routes have no authorizer).</summary>
    public static bool IsPublicPath(string path) => path.StartsWith("/public/", StringComparison.Ordinal);

    /// <summary>
    /// The files a bulk download request (<c>{"ids":[…]}</c>) names, each checked as a download is,
    /// for a host that serves them in a form of its own (the local host's zip). Refusals throw
    /// <see cref="ApiProblemException"/>.
    /// </summary>
    public async Task<IReadOnlyList<Catalog.CatalogFile>> ResolveDownloadsAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (_, context) = _routes.Resolve(request with { Path = "/v1/downloads" });
        return await Products.ResolveManyAsync(context, cancellationToken);
    }

    public async Task<ApiResponse> HandleAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var (route, context) = _routes.Resolve(request);
            return await route.Handler(context, cancellationToken);
        }
        catch (ApiProblemException problem)
        {
            return Problem(problem, request.Path);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            ApiLog.Failed(_logger, e, request.Method, request.Path);
            return Problem(new ApiProblemException(500, "internal", "Internal error",
                "The SDC failed to answer; the operators have the details in the API's log."), request.Path);
        }
    }

    /// <summary>An RFC 7807 problem response.</summary>
    public static ApiResponse Problem(ApiProblemException problem, string instance)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var body = new ProblemDto($"urn:sdc:problem:{problem.Type}", problem.Title, problem.Status, problem.Message,
            QueryParameters.Shown(instance), problem.Parameter, problem.Expected);
        var headers = new Dictionary<string, string>();
        if (problem.Status == 405 && problem.Expected is { } allow)
        {
            headers["Allow"] = allow;
        }
        if (problem.Status == 401)
        {
            headers["WWW-Authenticate"] = "Bearer";
        }
        return new ApiResponse(problem.Status, ApiResponse.ProblemJson, JsonSerializer.SerializeToUtf8Bytes(body, ApiJsonContext.Default.ProblemDto), headers);
    }
}
