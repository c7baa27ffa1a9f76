using Sdc.Api.Http;
using Sdc.Api.Json;
using Sdc.Api.Routing;

namespace Sdc.Api.Endpoints;

/// <summary>Who the caller is, and (public) where clients sign in.</summary>
internal sealed class AccountEndpoints(ApiServices services)
{
    public static Task<ApiResponse> MeAsync(RouteContext context, CancellationToken cancellationToken)
    {
        context.Query();
        return Task.FromResult(Respond.Json(new MeDto(context.Caller.Username!, context.Caller.Groups), ApiJsonContext.Default.MeDto));
    }

    public Task<ApiResponse> ConfigAsync(RouteContext context, CancellationToken cancellationToken)
    {
        context.Query();
        var options = services.Options;
        return Task.FromResult(Respond.Json(new ConfigDto(new AuthConfigDto(options.AuthEndpoint?.AbsoluteUri, options.ClientId, options.Region)),
            ApiJsonContext.Default.ConfigDto));
    }
}
