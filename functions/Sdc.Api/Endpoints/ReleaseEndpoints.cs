using Sdc.Api.Http;
using Sdc.Api.Json;
using Sdc.Api.Releases;
using Sdc.Api.Routing;

namespace Sdc.Api.Endpoints;

/// <summary>Public releases: listed for everyone, their file lists, and (admin) cutting a new one.</summary>
internal sealed class ReleaseEndpoints(ApiServices services, ReleasePublisher publisher)
{
    private const string Expected = """{"cutoff":"2021-04-01","notes":"Release 1: February and March 2021"}""";

    public async Task<ApiResponse> ListAsync(RouteContext context, CancellationToken cancellationToken)
    {
        context.Query();
        var releases = await services.Catalog.Releases.ListAsync(cancellationToken);
        return Respond.Json(new ReleaseListDto([.. releases.Select(ProductViews.Release)]), ApiJsonContext.Default.ReleaseListDto);
    }

    public async Task<ApiResponse> GetAsync(RouteContext context, CancellationToken cancellationToken)
    {
        context.Query();
        var release = await FindAsync(context, cancellationToken);
        var files = new List<ReleaseFileDto>();
        await foreach (var file in services.Catalog.Releases.ListFilesAsync(release.Id, cancellationToken))
        {
            files.Add(new ReleaseFileDto(file.Id, ProductViews.NameOf(file), file.Key, file.SizeBytes, file.Md5, file.Sha256));
        }
        return Respond.Json(new ReleaseDetailDto(ProductViews.Release(release), files), ApiJsonContext.Default.ReleaseDetailDto);
    }

    /// <summary>The release manifest (every file with its checksums): a 302 to a signed URL of the object in the public bucket.</summary>
    public async Task<ApiResponse> ManifestAsync(RouteContext context, CancellationToken cancellationToken)
    {
        context.Query();
        var release = await FindAsync(context, cancellationToken);
        if (release.ManifestKey is null)
        {
            throw ApiProblemException.NotFound($"Release {release.Number} has no manifest.");
        }
        return ApiResponse.Redirect(await services.Store.PresignGetAsync(Ingest.Layout.Buckets.Public, release.ManifestKey, services.Options.DownloadExpiry, cancellationToken));
    }

    public async Task<ApiResponse> CreateAsync(RouteContext context, CancellationToken cancellationToken)
    {
        context.Query();
        var body = JsonBody.Read(context.Request.Body, ApiJsonContext.Default.ReleaseRequestDto, Expected);
        var cutoff = ApiTime.ParseField(body.Cutoff, "cutoff");
        if (body.Notes is { Length: > 10_000 })
        {
            throw ApiProblemException.BadBody($"notes is {body.Notes.Length} characters long.", "notes", "at most 10000 characters");
        }
        try
        {
            var release = await publisher.CreateAsync(cutoff, body.Notes, cancellationToken);
            return Respond.Json(ProductViews.Release(release), ApiJsonContext.Default.ReleaseDto, 201);
        }
        catch (InvalidOperationException e)
        {
            throw ApiProblemException.Conflict(e.Message);
        }
    }

    private async Task<Catalog.Release> FindAsync(RouteContext context, CancellationToken cancellationToken)
    {
        var number = context.Id("number");
        return (number <= int.MaxValue ? await services.Catalog.Releases.FindAsync((int)number, cancellationToken) : null)
            ?? throw ApiProblemException.NotFound($"No release {number}.");
    }
}
