using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Sdc.Storage;
using Sdc.Storage.FileSystem;

namespace Sdc.Local.Host;

/// <summary>
/// Serves the local store's presigned URLs (<c>/objects/{bucket}/{key}?expires=…&amp;signature=…</c>)
/// the way S3 serves its own: GET and HEAD with byte ranges (so downloads resume) and an ETag of
/// the MD5, PUT for uploads. Expired URLs get 403, as on S3.
/// </summary>
internal sealed class ObjectEndpoint(FileSystemObjectStore files, IObjectStore store)
{
    // S3's limit for a single PUT.
    private const long MaxPutBytes = 5L * 1024 * 1024 * 1024;

    public async Task<IResult> HandleAsync(HttpContext context, string bucket, string key)
    {
        var method = context.Request.Method;
        var verb = HttpMethods.IsHead(method) ? "GET" : method.ToUpperInvariant();
        var status = files.VerifyPresignedUrl(verb, bucket, key, context.Request.Query["expires"], context.Request.Query["signature"]);
        if (status != PresignedUrlStatus.Valid)
        {
            return Results.Text(status == PresignedUrlStatus.Expired
                ? "This URL has expired; ask the API for a new one."
                : "This URL is not valid (wrong signature, method or object).", "text/plain", statusCode: 403);
        }
        return verb switch
        {
            "GET" => await GetAsync(context, bucket, key),
            "PUT" => await PutAsync(context, bucket, key),
            _ => Results.StatusCode(405),
        };
    }

    private async Task<IResult> GetAsync(HttpContext context, string bucket, string key)
    {
        var info = await files.HeadAsync(bucket, key, context.RequestAborted);
        if (info is null)
        {
            return Results.Text($"No object {bucket}/{key}.", "text/plain", statusCode: 404);
        }
        var stream = await files.OpenReadAsync(bucket, key, context.RequestAborted);
        var name = key[(key.LastIndexOf('/') + 1)..];
        return Results.Stream(stream, "application/octet-stream", name, info.LastModified, new EntityTagHeaderValue($"\"{info.Md5}\""),
            enableRangeProcessing: true);
    }

    private async Task<IResult> PutAsync(HttpContext context, string bucket, string key)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxPutBytes;
        }
        // Through the runtime's store: the write raises the event that gets the upload indexed.
        var info = await store.PutAsync(bucket, key, context.Request.Body, null, context.RequestAborted);
        context.Response.Headers.ETag = $"\"{info.Md5}\"";
        return Results.Ok();
    }
}
