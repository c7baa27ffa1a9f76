using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sdc.Formats.Tests.Support;

/// <summary>
/// One long-lived python process (Scripts/astropy_server.py) that opens FITS files with astropy and
/// answers in JSON, so the suite imports astropy once. Requests are serialised.
/// </summary>
public sealed class AstropyFixture : IAsyncLifetime, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Process? _process;

    public Task InitializeAsync()
    {
        _process = ExternalTools.Start(ExternalTools.Python, ["-u", ExternalTools.Script("astropy_server.py")], redirectInput: true);
        return Task.CompletedTask;
    }

    /// <summary>Every HDU as astropy sees it: class, name, cards, checksum verdicts (1 = valid), data.</summary>
    public Task<JsonObject> DumpAsync(string path) => AskAsync(new JsonObject { ["op"] = "dump", ["path"] = path });

    /// <summary>Has astropy write one of the script's sample files.</summary>
    public Task<JsonObject> WriteSampleAsync(string path, string kind) =>
        AskAsync(new JsonObject { ["op"] = "write", ["path"] = path, ["kind"] = kind });

    public async Task DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    public void Dispose() => _gate.Dispose();

    private async Task<JsonObject> AskAsync(JsonObject request)
    {
        var process = _process ?? throw new InvalidOperationException("The astropy process was not started.");
        await _gate.WaitAsync();
        try
        {
            await process.StandardInput.WriteLineAsync(request.ToJsonString());
            await process.StandardInput.FlushAsync();
            var line = await process.StandardOutput.ReadLineAsync();
            if (line is null)
            {
                var error = await process.StandardError.ReadToEndAsync();
                throw new InvalidOperationException($"The astropy process ({ExternalTools.Python}) ended: {error} {ExternalTools.Hint}");
            }

            var answer = JsonNode.Parse(line)!.AsObject();
            if (answer["error"] is { } failure)
            {
                throw new InvalidOperationException($"astropy failed on {request.ToJsonString()}:\n{failure.GetValue<string>()}");
            }

            return answer;
        }
        finally
        {
            _gate.Release();
        }
    }
}
