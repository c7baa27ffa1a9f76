using Microsoft.AspNetCore.Http;
using Sdc.Api;
using Sdc.Api.Http;

namespace Sdc.Local.Host;

/// <summary>
/// The Kestrel side of the API, doing locally what API Gateway does on AWS: checks the bearer
/// token (not on /public routes, which have no authorizer), reads the body up to a limit, hands
/// the handler an <see cref="ApiRequest"/> and writes back its response.
/// </summary>
internal sealed class HttpApiAdapter(ApiHandler handler, ICallerAuthenticator authenticator)
{
    // API Gateway refuses payloads over 10 MB; the API's own bodies are far smaller.
    private const int MaxBodyBytes = 1024 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var (request, refusal) = await ReadAsync(context, path);
        var response = refusal ?? await handler.HandleAsync(request!, context.RequestAborted);
        await WriteAsync(context, response);
    }

    /// <summary>The request as the handler takes it, or the problem that stops it at the door (401, 413).</summary>
    public async Task<(ApiRequest? Request, ApiResponse? Refusal)> ReadAsync(HttpContext context, string path)
    {
        var caller = Caller.Anonymous;
        if (!ApiHandler.IsPublicPath(path))
        {
            try
            {
                var (authenticated, failure) = await AuthenticateAsync(context);
                if (authenticated is null)
                {
                    return (null, ApiHandler.Problem(ApiProblemException.Unauthorized(failure!), path));
                }
                caller = authenticated;
            }
            catch (ApiProblemException problem)
            {
                return (null, ApiHandler.Problem(problem, path));
            }
        }

        var body = await ReadBodyAsync(context);
        if (body is null)
        {
            return (null, ApiHandler.Problem(new ApiProblemException(413, "too-large", "Body too large",
                $"The request body exceeds {MaxBodyBytes} bytes.", null, $"at most {MaxBodyBytes} bytes"), path));
        }
        var query = context.Request.Query.ToDictionary(
            q => q.Key, q => (IReadOnlyList<string>)[.. q.Value.Select(v => v ?? "")], StringComparer.Ordinal);
        return (new ApiRequest(context.Request.Method, path, query, body.Value, caller), null);
    }

    public static async Task WriteAsync(HttpContext context, ApiResponse response)
    {
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }
        if (response.ContentType is not null)
        {
            context.Response.ContentType = response.ContentType;
        }
        context.Response.ContentLength = response.Body.Length;
        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
    }

    /// <summary>The caller, or null and why not. A missing token is anonymous: the route decides whether that is enough.</summary>
    private async Task<(Caller? Caller, string? Failure)> AuthenticateAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return (Caller.Anonymous, null);
        }
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            return (null, "The Authorization header must be 'Bearer <token>'.");
        }
        var outcome = await authenticator.AuthenticateAsync(header[7..].Trim(), context.RequestAborted);
        return outcome.Caller is { } caller ? (caller, null) : (null, $"The token was refused: {outcome.Failure}");
    }

    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength is > MaxBodyBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
