using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Sdc.Api.Http;
using Sdc.Api.Json;
using Sdc.Api.Routing;
using Sdc.Ingest.Layout;
using Sdc.Pipeline;

namespace Sdc.Api.Endpoints;

/// <summary>
/// A reprocessing request: written as an object under <c>archive:requests/</c>, which starts its
/// run the way a manifest does (an EventBridge rule on AWS; nothing here calls Step Functions).
/// The run goes to the low-priority reprocessing queue.
/// </summary>
internal sealed class ReprocessEndpoint(ApiServices services)
{
    private const string Expected = """{"instrument":"exi","from":"2021-02-24","to":"2021-02-25","reason":"new flat field"}""";

    public async Task<ApiResponse> PostAsync(RouteContext context, CancellationToken cancellationToken)
    {
        context.Query();
        var body = JsonBody.Read(context.Request.Body, ApiJsonContext.Default.ReprocessRequestDto, Expected);
        var instrument = body.Instrument ?? throw ApiProblemException.BadBody("instrument is missing.", "instrument", Expected);
        if (services.Mission.FindProcessor(instrument) is null)
        {
            throw ApiProblemException.BadBody($"instrument '{QueryParameters.Shown(instrument)}' has no processor.", "instrument",
                "one of: " + string.Join(", ", services.Mission.Processors.Select(p => p.Instrument)));
        }
        if (!context.Caller.MayActFor(instrument))
        {
            throw ApiProblemException.Forbidden($"Reprocessing {instrument} is for the admin, team or itf-{instrument} groups; {context.Caller.Username} is in {string.Join(", ", context.Caller.Groups)}.");
        }
        var from = ApiTime.ParseField(body.From, "from");
        var to = ApiTime.ParseField(body.To, "to");
        if (to <= from)
        {
            throw ApiProblemException.BadBody($"to ({ApiTime.Format(to)}) is not after from ({ApiTime.Format(from)}).", "to", "a time after from");
        }
        if (body.Reason is { Length: > 1000 })
        {
            throw ApiProblemException.BadBody($"reason is {body.Reason.Length} characters long.", "reason", "at most 1000 characters");
        }

        var now = services.Clock.GetUtcNow();
        var name = string.Create(CultureInfo.InvariantCulture,
            $"reprocess-{instrument}-{now.UtcDateTime:yyyyMMdd'T'HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}");
        var key = $"{StorageLayout.RequestPrefix}{name}.json";
        var reason = $"{body.Reason ?? "requested through the API"} (by {context.Caller.Username})";
        var request = new PipelineRequest(PipelineRequest.Reprocessing, null, instrument, from, to, reason);
        using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(request, PipelineJsonContext.Default.PipelineRequest));
        await services.Store.PutAsync(Buckets.Archive, key, content, null, cancellationToken);
        return Respond.Json(new ReprocessAcceptedDto($"{Buckets.Archive}:{key}", name), ApiJsonContext.Default.ReprocessAcceptedDto, 202);
    }
}
