using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sdc.Local.Auth.Tests.Support;

/// <summary>
/// A real HTTP server on a free loopback port serving one JWKS document that the test can swap
/// (an issuer rotating its key), and counting the requests it got.
/// </summary>
public sealed class JwksServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requests;

    public JwksServer(string jwks)
    {
        Jwks = jwks;
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/pool/.well-known/jwks.json");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public string Jwks { get; set; }

    /// <summary>Answers with this status instead of the document while set.</summary>
    public int? FailWith { get; set; }

    public int Requests => Volatile.Read(ref _requests);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is HttpListenerException or ObjectDisposedException or OperationCanceledException))
        {
        }
        _listener.Close();
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            Interlocked.Increment(ref _requests);
            var body = Encoding.UTF8.GetBytes(FailWith is null ? Jwks : "{}");
            context.Response.StatusCode = FailWith ?? 200;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
