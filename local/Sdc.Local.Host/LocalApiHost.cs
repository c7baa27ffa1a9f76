using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Sdc.Api;
using Sdc.Storage;
using Sdc.Storage.FileSystem;

namespace Sdc.Local.Host;

/// <summary>
/// The local SDC's web front, on 127.0.0.1 only: the API (<c>/v1</c>, <c>/public/v1</c>), signed
/// object URLs (<c>/objects</c>), the sign-in endpoints (<c>/auth</c>, when an issuer is given), the
/// portal's runtime configuration (<c>/config.json</c>) and the portal itself.
/// </summary>
public sealed class LocalApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalApiHost(WebApplication app) => _app = app;

    /// <summary>The address it listens on, e.g. <c>http://127.0.0.1:8080/</c>.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Builds the host; call <see cref="StartAsync"/> to listen.</summary>
    public static LocalApiHost Create(
        LocalHostOptions options,
        ApiHandler handler,
        ICallerAuthenticator authenticator,
        FileSystemObjectStore files,
        IObjectStore store,
        Func<Uri, JsonObject> portalConfig,
        Action<WebApplication>? addRoutes = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.AddServerHeader = false;
        });
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var host = new LocalApiHost(app);
        var adapter = new HttpApiAdapter(handler, authenticator);
        var objects = new ObjectEndpoint(files, store);
        var zip = new ZipDownload(handler, adapter, store);

        // Browsers may call the API from another origin (a portal served elsewhere): the same open
        // CORS policy as the deployed API (tokens travel in a header, never in cookies).
        app.Use(async (context, next) =>
        {
            context.Response.Headers.AccessControlAllowOrigin = "*";
            if (HttpMethods.IsOptions(context.Request.Method))
            {
                context.Response.Headers.AccessControlAllowMethods = "GET, POST, PUT, HEAD, OPTIONS";
                context.Response.Headers.AccessControlAllowHeaders = "Authorization, Content-Type, X-Amz-Target, X-Amz-User-Agent";
                context.Response.Headers.AccessControlMaxAge = "600";
                context.Response.StatusCode = 204;
                return;
            }
            context.Response.Headers.AccessControlExposeHeaders = "Location, Content-Disposition";
            await next(context);
        });
        app.MapPost(ZipDownload.Path, zip.HandleAsync);
        app.Map("/v1/{**rest}", adapter.HandleAsync);
        app.Map("/public/v1/{**rest}", adapter.HandleAsync);
        app.MapMethods("/objects/{bucket}/{**key}", ["GET", "HEAD", "PUT"],
            (HttpContext context, string bucket, string key) => objects.HandleAsync(context, bucket, key));
        app.MapGet("/config.json", () => Results.Json(portalConfig(host.BaseUrl)));
        addRoutes?.Invoke(app);

        if (options.WebRoot is { } webRoot && File.Exists(Path.Combine(webRoot, "index.html")))
        {
            var provider = new PhysicalFileProvider(Path.GetFullPath(webRoot));
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = provider });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = provider });
            // The portal routes in the browser: any other path is the page itself.
            app.MapFallback(context =>
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                return context.Response.SendFileAsync(provider.GetFileInfo("index.html"));
            });
        }
        return host;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _app.StartAsync(cancellationToken);
        }
        catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException or null)
        {
            throw new InvalidOperationException($"Cannot listen: {e.Message} (another program has the port; choose one with --port).", e);
        }
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
    }

    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
