using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Sdc.Local.Auth;

namespace Sdc.Local.Host;

/// <summary>
/// The local issuer on HTTP, where Cognito has it: <c>POST /auth</c> takes InitiateAuth
/// (<c>X-Amz-Target</c> header, <c>application/x-amz-json-1.1</c> body) and
/// <c>/auth/{pool}/.well-known/jwks.json</c> serves the signing keys.
/// </summary>
public static class IssuerEndpoints
{
    public const string Path = "/auth";

    private const int MaxBodyBytes = 64 * 1024;

    public static void Map(WebApplication app, LocalIssuer issuer)
    {
        app.MapPost(Path, (HttpContext context) => InitiateAuthAsync(context, issuer));
        app.MapGet($"{Path}/{issuer.PoolId}/.well-known/jwks.json", () => Results.Text(issuer.JwksJson, "application/json"));
        app.MapGet($"{Path}/{issuer.PoolId}/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, string>
        {
            ["issuer"] = issuer.Issuer,
            ["jwks_uri"] = issuer.JwksUrl.AbsoluteUri,
        }));
    }

    private static async Task InitiateAuthAsync(HttpContext context, LocalIssuer issuer)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        IssuerResponse response;
        if (buffer.Length > MaxBodyBytes)
        {
            response = new IssuerResponse(400, """{"__type":"InvalidParameterException","message":"Request body too large."}""", "InvalidParameterException");
        }
        else
        {
            response = await issuer.HandleAsync(context.Request.Headers["X-Amz-Target"].ToString(), buffer.ToArray(), context.RequestAborted);
        }
        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = IssuerResponse.ContentType;
        if (response.ErrorType is { } type)
        {
            context.Response.Headers[IssuerResponse.ErrorTypeHeader] = type;
        }
        await context.Response.WriteAsync(response.Json, context.RequestAborted);
    }
}
