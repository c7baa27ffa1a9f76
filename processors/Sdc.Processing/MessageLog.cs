using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sdc.Processing;

/// <summary>
/// The processor's voice: one JSON object per line on stdout — a start line, info/warning/error
/// messages with documented codes, and a closing line — which the SDC's job runner parses into job
/// messages. Thread-safe.
/// </summary>
public sealed class MessageLog(TextWriter output, MessageCatalog catalog, TimeProvider time)
{
    private readonly Lock _gate = new();
    private int _warnings;
    private int _errors;

    public int Warnings => _warnings;

    public int Errors => _errors;

    public void Start(string processor, string version, string? jobId) =>
        Write(new JsonObject { ["type"] = "start", ["processor"] = processor, ["version"] = version, ["job"] = jobId });

    public void Info(string code, string text, string? file = null) => Message(code, text, file, null);

    public void Warning(string code, string text, string? file = null, long? offset = null) => Message(code, text, file, offset);

    public void Error(string code, string text, string? file = null, long? offset = null) => Message(code, text, file, offset);

    public void End(string status, int exitCode, int products, double seconds) =>
        Write(new JsonObject
        {
            ["type"] = "end", ["status"] = status, ["exitCode"] = exitCode, ["products"] = products,
            ["warnings"] = _warnings, ["errors"] = _errors, ["seconds"] = Math.Round(seconds, 3),
        });

    private void Message(string code, string text, string? file, long? offset)
    {
        // The severity comes from the table, not the call site, so a code means one thing everywhere.
        var documented = catalog.Get(code);
        if (documented.Severity == MessageSeverity.Warning)
        {
            Interlocked.Increment(ref _warnings);
        }
        else if (documented.Severity == MessageSeverity.Error)
        {
            Interlocked.Increment(ref _errors);
        }
        var line = new JsonObject
        {
            ["type"] = "message",
            ["severity"] = documented.Severity.ToString().ToLowerInvariant(),
            ["code"] = code,
            ["text"] = text,
        };
        if (file is not null)
        {
            line["file"] = file;
        }
        if (offset is not null)
        {
            line["offset"] = offset;
        }
        Write(line);
    }

    private void Write(JsonObject line)
    {
        line["time"] = time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var text = line.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        lock (_gate)
        {
            output.WriteLine(text);
            output.Flush();
        }
    }
}
