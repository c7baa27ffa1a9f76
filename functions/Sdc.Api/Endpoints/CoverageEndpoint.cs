using Sdc.Api.Http;
using Sdc.Api.Json;
using Sdc.Api.Routing;

namespace Sdc.Api.Endpoints;

/// <summary>Per instrument and day: how many latest files and products start that day and the highest level reached (the portal's timeline).</summary>
internal sealed class CoverageEndpoint(ApiServices services)
{
    // Open bounds: the whole mission when the caller gives none.
    private static readonly DateTimeOffset Earliest = new(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task<ApiResponse> GetAsync(RouteContext context, CancellationToken cancellationToken)
    {
        var query = context.Query("from", "to", "instrument");
        var (from, to) = (query.Time("from") ?? Earliest, query.Time("to") ?? Latest);
        if (to <= from)
        {
            throw ApiProblemException.BadParameter("to", $"to ({ApiTime.Format(to)}) is not after from ({ApiTime.Format(from)}).", "a time after from");
        }
        var instrument = query.Name("instrument", "an instrument id such as exi");
        if (instrument is not null && !context.Caller.MayRead(instrument))
        {
            throw ApiProblemException.Forbidden($"{context.Caller.Username} may not see {instrument} data.");
        }
        var days = await services.Catalog.Files.GetCoverageAsync(from, to, instrument, cancellationToken);
        var shown = days.Where(d => context.Caller.MayRead(d.Instrument))
            .Select(d => new CoverageDayDto(d.Instrument, d.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d.Files, d.HighestLevel))
            .ToList();
        return Respond.Json(new CoverageDto(shown), ApiJsonContext.Default.CoverageDto);
    }
}
