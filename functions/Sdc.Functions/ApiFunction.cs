using Microsoft.Extensions.Logging;
using Sdc.Api;
using Sdc.Api.Gateway;

namespace Sdc.Functions;

/// <summary>
/// The API Lambda, behind API Gateway's REST proxy integration with the Cognito authorizer on
/// every route but /public. Handler string: <c>Sdc.Functions::Sdc.Functions.ApiFunction::HandleAsync</c>.
/// </summary>
public sealed class ApiFunction
{
    private readonly Func<Task<ApiHandler>> _handler;

    public ApiFunction()
        : this(async () =>
        {
            var cloud = await CloudServices.GetAsync();
            return new ApiHandler(
                new ApiServices(cloud.Mission, cloud.Catalog, cloud.Store, TimeProvider.System, ApiSettings.FromEnvironment()),
                cloud.Loggers.CreateLogger<ApiHandler>());
        })
    {
    }

    public ApiFunction(ApiHandler handler)
        : this(() => Task.FromResult(handler))
    {
    }

    private ApiFunction(Func<Task<ApiHandler>> handler) => _handler = handler;

    public async Task<Stream> HandleAsync(Stream input)
    {
        var request = ProxyAdapter.ToRequest(ProxyAdapter.ReadEvent(await FunctionIo.ReadAsync(input)));
        var response = await (await _handler()).HandleAsync(request, CancellationToken.None);
        return FunctionIo.Write(ProxyAdapter.ToProxy(response), GatewayJsonContext.Default.ProxyResponse);
    }
}
