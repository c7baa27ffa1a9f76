using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Sdc.Api;
using Sdc.Api.Http;
using Sdc.Storage;

namespace Sdc.Local.Host;

/// <summary>
/// <c>POST /v1/downloads/zip</c>, the local host's own route: the files of a bulk request (checked
/// exactly as <c>POST /v1/downloads</c> checks them) streamed as one zip, stored uncompressed (FITS
/// and PNG gain little and the CPU would cap the rate). On AWS, bulk downloads are lists of URLs.
/// </summary>
internal sealed class ZipDownload(ApiHandler handler, HttpApiAdapter adapter, IObjectStore store)
{
    public const string Path = "/v1/downloads/zip";

    public async Task HandleAsync(HttpContext context)
    {
        var (request, refusal) = await adapter.ReadAsync(context, Path);
        if (refusal is not null)
        {
            await HttpApiAdapter.WriteAsync(context, refusal);
            return;
        }

        IReadOnlyList<Catalog.CatalogFile> files;
        try
        {
            files = await handler.ResolveDownloadsAsync(request!, context.RequestAborted);
        }
        catch (ApiProblemException problem)
        {
            await HttpApiAdapter.WriteAsync(context, ApiHandler.Problem(problem, Path));
            return;
        }

        context.Response.ContentType = "application/zip";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"sdc-download.zip\"";
        // ZipArchive writes its headers synchronously; allow it for this response only.
        if (context.Features.Get<IHttpBodyControlFeature>() is { } control)
        {
            control.AllowSynchronousIO = true;
        }
        using var zip = new ZipArchive(context.Response.Body, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var file in files)
        {
            var entry = zip.CreateEntry(file.Key[(file.Key.LastIndexOf('/') + 1)..], CompressionLevel.NoCompression);
            entry.LastWriteTime = file.IngestedAt;
            await using var output = entry.Open();
            await using var input = await store.OpenReadAsync(file.Bucket, file.Key, context.RequestAborted);
            await input.CopyToAsync(output, context.RequestAborted);
        }
    }
}
