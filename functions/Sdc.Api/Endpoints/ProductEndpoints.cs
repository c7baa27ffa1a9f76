using Sdc.Api.Http;
using Sdc.Api.Json;
using Sdc.Api.Routing;
using Sdc.Catalog;

namespace Sdc.Api.Endpoints;

/// <summary>
/// Product search, metadata with lineage and versions, and downloads — for signed-in callers
/// (<c>/v1/…</c>) and, limited to released products, for anyone (<c>/public/v1/…</c>).
/// </summary>
internal sealed class ProductEndpoints(ApiServices services, ProductViews views)
{
    private static readonly FileKind[] ProductKinds = [FileKind.Product, FileKind.Quicklook];

    private static readonly FileKind[] AncillaryKinds = [FileKind.Science, FileKind.Housekeeping, FileKind.Kernel, FileKind.Calibration];

    public async Task<ApiResponse> SearchAsync(RouteContext context, bool publicRoute, CancellationToken cancellationToken)
    {
        var query = context.Query("instrument", "level", "descriptor", "orbit", "from", "to", "version", "kind", "limit", "cursor");
        var kind = query.Choice("kind", "product", "quicklook");
        var fileQuery = Filters(query, publicRoute ? null : context.Caller, publicRoute) with
        {
            Kinds = kind is null ? ProductKinds : [kind == "product" ? FileKind.Product : FileKind.Quicklook],
            ReleasedOnly = publicRoute,
        };
        var page = await SearchAsync(fileQuery, cancellationToken);
        return Respond.Json(new ProductPageDto(await views.ProductsAsync(page.Items, cancellationToken), page.NextCursor), ApiJsonContext.Default.ProductPageDto);
    }

    /// <summary>Level 0 and ancillary files (science, housekeeping, kernels, calibration), for instrument teams and staff.</summary>
    public async Task<ApiResponse> ListFilesAsync(RouteContext context, CancellationToken cancellationToken)
    {
        var query = context.Query("instrument", "level", "descriptor", "orbit", "from", "to", "version", "kind", "limit", "cursor");
        var kind = query.Choice("kind", "science", "housekeeping", "kernel", "calibration");
        // Kernels and housekeeping are mission-wide: any instrument team may list them.
        var missionWide = kind is "kernel" or "housekeeping";
        var fileQuery = Filters(query, missionWide ? null : context.Caller, publicRoute: false) with
        {
            Kinds = kind is null ? AncillaryKinds : [Enum.Parse<FileKind>(kind, ignoreCase: true)],
        };
        if (!context.Caller.IsStaff && !missionWide && kind is null)
        {
            // Without a kind, an instrument team sees its instrument's files (their kernels and
            // housekeeping need kind=kernel / kind=housekeeping).
            fileQuery = fileQuery with { Kinds = [FileKind.Science, FileKind.Calibration] };
        }
        var page = await SearchAsync(fileQuery, cancellationToken);
        return Respond.Json(new FilePageDto(await views.ProductsAsync(page.Items, cancellationToken), page.NextCursor), ApiJsonContext.Default.FilePageDto);
    }

    public async Task<ApiResponse> GetAsync(RouteContext context, bool publicRoute, CancellationToken cancellationToken)
    {
        context.Query();
        var file = await FileAccess.FindAsync(services.Catalog, context.Caller, context.Id("id"), publicRoute, cancellationToken);
        var inputs = Links(await services.Catalog.Lineage.GetInputsAsync(file.Id, cancellationToken), context.Caller, publicRoute);
        var derived = Links(await services.Catalog.Lineage.GetDerivedAsync(file.Id, cancellationToken), context.Caller, publicRoute);
        var versions = await services.Catalog.Files.ListVersionsAsync(file.LogicalId, publicRoute, cancellationToken);
        var versionViews = new List<VersionDto>();
        foreach (var version in versions)
        {
            versionViews.Add(new VersionDto(version.Id, ProductViews.VersionOf(version), publicRoute ? version.IsPublicLatest : version.IsLatest,
                await views.ReleaseNumberAsync(version.ReleaseId, cancellationToken)));
        }
        var job = !publicRoute && file.JobId is { } jobId ? await services.Catalog.Jobs.FindJobAsync(jobId, cancellationToken) : null;
        var product = await views.ProductAsync(file, cancellationToken);
        if (publicRoute)
        {
            product = product with { IsLatest = file.IsPublicLatest };
        }
        var detail = new ProductDetailDto(product, new LineageDto(inputs, derived), versionViews, job is null ? null : ProductViews.Job(job));
        return Respond.Json(detail, ApiJsonContext.Default.ProductDetailDto);
    }

    /// <summary>The FITS primary header of a product (the portal's header view); 404 for files that are not FITS.</summary>
    public async Task<ApiResponse> HeaderAsync(RouteContext context, bool publicRoute, CancellationToken cancellationToken)
    {
        context.Query();
        var file = await FileAccess.FindAsync(services.Catalog, context.Caller, context.Id("id"), publicRoute, cancellationToken);
        IReadOnlyList<(string Keyword, string? Value, string? Comment)>? cards = null;
        if (file.Key.EndsWith(".fits", StringComparison.OrdinalIgnoreCase))
        {
            await using var stream = await services.Store.OpenReadAsync(file.Bucket, file.Key, cancellationToken);
            cards = await FitsHeaderCards.ReadAsync(stream, cancellationToken);
        }
        if (cards is null)
        {
            throw ApiProblemException.NotFound($"File {file.Id} ({ProductViews.NameOf(file)}) has no FITS header.");
        }
        return Respond.Json(new HeaderDto([.. cards.Select(c => new HeaderCardDto(c.Keyword, c.Value, c.Comment))]), ApiJsonContext.Default.HeaderDto);
    }

    public async Task<ApiResponse> DownloadAsync(RouteContext context, bool publicRoute, CancellationToken cancellationToken)
    {
        context.Query();
        var file = await FileAccess.FindAsync(services.Catalog, context.Caller, context.Id("id"), publicRoute, cancellationToken);
        return ApiResponse.Redirect(await services.Store.PresignGetAsync(file.Bucket, file.Key, services.Options.DownloadExpiry, cancellationToken));
    }

    /// <summary>Download URLs for many files at once (the CLI's and portal's bulk download); every id is checked.</summary>
    public async Task<ApiResponse> BulkAsync(RouteContext context, CancellationToken cancellationToken)
    {
        context.Query();
        var files = await ResolveManyAsync(context, cancellationToken);
        var expires = ApiTime.Format(services.Clock.GetUtcNow() + services.Options.DownloadExpiry);
        var links = new List<DownloadLinkDto>();
        foreach (var file in files)
        {
            var url = await services.Store.PresignGetAsync(file.Bucket, file.Key, services.Options.DownloadExpiry, cancellationToken);
            links.Add(new DownloadLinkDto(file.Id, ProductViews.NameOf(file), file.SizeBytes, file.Md5, file.Sha256, url.AbsoluteUri, expires));
        }
        return Respond.Json(new DownloadListDto(links), ApiJsonContext.Default.DownloadListDto);
    }

    /// <summary>The files a bulk request names, each checked as a single download would be (the local zip uses this too).</summary>
    public async Task<IReadOnlyList<CatalogFile>> ResolveManyAsync(RouteContext context, CancellationToken cancellationToken)
    {
        var body = JsonBody.Read(context.Request.Body, ApiJsonContext.Default.IdsDto, """{"ids":[1,2,3]} (1 to 1000 file ids)""");
        if (body.Ids is null || body.Ids.Count is 0 or > FileQuery.MaxLimit)
        {
            throw ApiProblemException.BadBody($"ids has {body.Ids?.Count ?? 0} entries.", "ids", "1 to 1000 file ids");
        }
        var files = new List<CatalogFile>();
        foreach (var id in body.Ids.Distinct())
        {
            if (id <= 0)
            {
                throw ApiProblemException.BadBody($"{id} is not a file id.", "ids", "positive integers");
            }
            files.Add(await FileAccess.FindAsync(services.Catalog, context.Caller, id, publicRoute: false, cancellationToken));
        }
        return files;
    }

    private static FileQuery Filters(QueryParameters query, Http.Caller? caller, bool publicRoute)
    {
        var (from, to) = (query.Time("from"), query.Time("to"));
        if (from is not null && to is not null && to <= from)
        {
            throw ApiProblemException.BadParameter("to", $"to ({ApiTime.Format(to.Value)}) is not after from ({ApiTime.Format(from.Value)}).", "a time after from");
        }
        var instrument = query.Name("instrument", "an instrument id such as exi");
        return new FileQuery
        {
            Instrument = caller is null ? instrument : FileAccess.ScopeInstrument(caller, instrument),
            Level = query.Name("level", "a level id such as l1"),
            Descriptor = query.Name("descriptor", "a descriptor such as xos1"),
            Orbit = query.Number("orbit", 0, int.MaxValue),
            From = from,
            To = to,
            Versions = query.Choice("version", "latest", "all") == "all" ? VersionSelection.All : VersionSelection.Latest,
            Limit = query.Number("limit", 1, FileQuery.MaxLimit) ?? 100,
            Cursor = query.Text("cursor"),
            ReleasedOnly = publicRoute,
        };
    }

    private async Task<FilePage> SearchAsync(FileQuery query, CancellationToken cancellationToken)
    {
        try
        {
            return await services.Catalog.Files.SearchAsync(query, cancellationToken);
        }
        catch (InvalidCursorException e)
        {
            throw ApiProblemException.BadParameter("cursor", e.Message, "the nextCursor of a previous page, unchanged");
        }
        catch (ArgumentException e) when (e.ParamName is "From" or "To")
        {
            // Finer than the catalog's microsecond precision.
            throw ApiProblemException.BadParameter(e.ParamName.ToLowerInvariant(), e.Message, ApiTime.Expected);
        }
    }

    private static IReadOnlyList<LinkDto> Links(IReadOnlyList<LineageLink> links, Http.Caller caller, bool publicRoute) =>
        [.. links
            .Where(l => publicRoute ? FileAccess.IsPublic(l.File) : FileAccess.MayRead(caller, l.File))
            .Select(l => new LinkDto(l.File.Id, ProductViews.NameOf(l.File), l.Role.ToString().ToLowerInvariant()))];
}
