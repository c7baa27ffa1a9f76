using Sdc.Api.Http;
using Sdc.Api.Json;
using Sdc.Api.Routing;
using Sdc.Ingest.Layout;
using Sdc.Mission;

namespace Sdc.Api.Endpoints;

/// <summary>
/// Upload URLs for instrument teams' Level 3 products: a presigned PUT to
/// <c>products:uploads/&lt;name&gt;</c>; the indexer checks and catalogs the file when it lands.
/// The name is checked here first so that a team learns of a bad name before sending the bytes.
/// </summary>
internal sealed class UploadEndpoint(ApiServices services)
{
    private const string Expected = """{"name":"emm_exi_l3_..._v01-00.fits"} (a product file name of a level the pipeline does not make)""";

    public async Task<ApiResponse> PostAsync(RouteContext context, CancellationToken cancellationToken)
    {
        context.Query();
        var body = JsonBody.Read(context.Request.Body, ApiJsonContext.Default.UploadRequestDto, Expected);
        var name = body.Name ?? throw ApiProblemException.BadBody("name is missing.", "name", Expected);
        if (name.Length > 255)
        {
            throw ApiProblemException.BadBody($"name is {name.Length} characters long.", "name", "at most 255 characters");
        }
        if (!services.Mission.TryParseFileName(name, out var parsed, out var error) || parsed!.Kind != FileNameKind.Product || parsed.IsChecksumSidecar)
        {
            throw ApiProblemException.BadBody(error?.Message ?? $"'{QueryParameters.Shown(name)}' is not a product file name.", "name", Expected);
        }
        if (parsed.Level == "l0" || services.Mission.Processors.Any(p => p.Steps.Any(s => s.Produces.Contains(parsed.Level!))))
        {
            throw ApiProblemException.BadBody($"{name}: level {parsed.Level} is made by the SDC's pipeline; only other levels (such as l3) are uploaded.", "name", Expected);
        }
        var instrument = parsed.Instrument!;
        if (!context.Caller.IsAdmin && !context.Caller.InstrumentTeams.Contains(instrument, StringComparer.Ordinal))
        {
            throw ApiProblemException.Forbidden($"Uploading {instrument} products is for the admin and itf-{instrument} groups; {context.Caller.Username} is in {string.Join(", ", context.Caller.Groups)}.");
        }
        var key = StorageLayout.UploadPrefix + name;
        var url = await services.Store.PresignPutAsync(Buckets.Products, key, services.Options.UploadExpiry, cancellationToken);
        var expires = ApiTime.Format(services.Clock.GetUtcNow() + services.Options.UploadExpiry);
        return Respond.Json(new UploadUrlDto(url.AbsoluteUri, "PUT", $"{Buckets.Products}:{key}", expires), ApiJsonContext.Default.UploadUrlDto);
    }
}
