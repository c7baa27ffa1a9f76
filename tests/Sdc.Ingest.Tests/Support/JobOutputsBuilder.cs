using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Sdc.Formats.Fits;
using Sdc.Storage;

namespace Sdc.Ingest.Tests.Support;

/// <summary>
/// Writes what a finished job leaves under its output prefix: FITS (or PNG) products and an
/// outputs.json listing them, as the processor contract describes. Tests bend one fact at a time
/// (a header time, a checksum) to see the indexer refuse it.
/// </summary>
public sealed class JobOutputsBuilder(string jobId)
{
    private readonly List<(string Name, byte[] Bytes, JsonObject Entry)> _products = [];

    public static byte[] Fits(string instrument, string level, string version, DateTimeOffset start, DateTimeOffset end, IEnumerable<string>? inputs = null,
        Action<FitsHeader>? bend = null)
    {
        var primary = new ImageHdu(new float[] { 1, 2, 3, 4 }, 2, 2);
        primary.Header.Add("INSTRUME", instrument.ToUpperInvariant()).Add("LEVEL", level.ToUpperInvariant()).Add("VERSION", version)
            .Add("DATE-BEG", start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture))
            .Add("DATE-END", end.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture));
        var index = 1;
        foreach (var input in inputs ?? [])
        {
            primary.Header.Add($"INPUT{index++}", input);
        }
        bend?.Invoke(primary.Header);
        using var buffer = new MemoryStream();
        new FitsFile(primary).WriteTo(buffer);
        return buffer.ToArray();
    }

    public JobOutputsBuilder Add(string name, byte[] bytes, string instrument, string level, string descriptor, DateTimeOffset start, DateTimeOffset end,
        int orbit, string version, IEnumerable<string> inputs, IEnumerable<string>? kernels = null, IEnumerable<string>? calibration = null,
        Action<JsonObject>? bend = null)
    {
        var entry = new JsonObject
        {
            ["name"] = name,
            ["instrument"] = instrument,
            ["level"] = level,
            ["descriptor"] = descriptor,
            ["start"] = start.ToString("O", CultureInfo.InvariantCulture),
            ["end"] = end.ToString("O", CultureInfo.InvariantCulture),
            ["orbit"] = orbit,
            ["version"] = version,
            ["size"] = bytes.Length,
            ["md5"] = Convert.ToHexStringLower(MD5.HashData(bytes)),
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            ["quality"] = 0,
            ["qualityNotes"] = new JsonArray(),
            ["inputs"] = new JsonArray(inputs.Select(i => (JsonNode)i).ToArray()),
            ["kernels"] = new JsonArray((kernels ?? []).Select(i => (JsonNode)i).ToArray()),
            ["calibration"] = new JsonArray((calibration ?? []).Select(i => (JsonNode)i).ToArray()),
        };
        bend?.Invoke(entry);
        _products.Add((name, bytes, entry));
        return this;
    }

    public async Task WriteAsync(IObjectStore store, string prefix, CancellationToken cancellationToken)
    {
        foreach (var (name, bytes, _) in _products)
        {
            await store.PutAsync("products", prefix + name, new MemoryStream(bytes), null, cancellationToken);
        }
        var outputs = new JsonObject
        {
            ["jobId"] = jobId,
            ["instrument"] = "exi",
            ["processor"] = new JsonObject { ["name"] = "exi-processor", ["version"] = "1.0.0", ["image"] = "sdc/exi-processor:1.0.0" },
            ["creationTime"] = "2026-11-22T08:00:00Z",
            ["status"] = "OK",
            ["products"] = new JsonArray(_products.Select(p => (JsonNode)p.Entry.DeepClone()).ToArray()),
        };
        await store.PutAsync("products", prefix + "outputs.json", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(outputs.ToJsonString())), null, cancellationToken);
    }
}
