using System.Globalization;
using System.Text.Json;

namespace Sdc.Ingest.Indexing;

/// <summary>
/// A finished job's <c>outputs.json</c>, the processor contract's last word (see
/// processors/Sdc.Processing/README.md): the job, the processor, and every product with its
/// metadata. Read field by field so that a processor in any language gets an error naming the
/// field it got wrong.
/// </summary>
public sealed record JobOutputs(string JobId, string ProcessorName, string ProcessorVersion, string? ProcessorImage, string Status, IReadOnlyList<OutputProduct> Products)
{
    public static JobOutputs Parse(ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new JobOutputsException("", $"not JSON ({e.Message})", "a JSON object");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new JobOutputsException("", root.ValueKind.ToString(), "a JSON object");
            }
            var processor = Property(root, "processor", "", JsonValueKind.Object, "an object with name and version");
            var products = Property(root, "products", "", JsonValueKind.Array, "an array of products");
            var list = new List<OutputProduct>();
            var index = 0;
            foreach (var product in products.EnumerateArray())
            {
                list.Add(ReadProduct(product, $"products[{index++}]"));
            }
            return new JobOutputs(
                Text(root, "jobId", ""),
                Text(processor, "name", "processor."),
                Text(processor, "version", "processor."),
                processor.TryGetProperty("image", out var image) && image.ValueKind == JsonValueKind.String ? image.GetString() : null,
                Text(root, "status", ""),
                list);
        }
    }

    private static OutputProduct ReadProduct(JsonElement product, string path)
    {
        if (product.ValueKind != JsonValueKind.Object)
        {
            throw new JobOutputsException(path, product.ValueKind.ToString(), "a product object");
        }
        var prefix = path + ".";
        int? orbit = product.TryGetProperty("orbit", out var o) && o.ValueKind == JsonValueKind.Number ? o.GetInt32() : null;
        return new OutputProduct(
            Text(product, "name", prefix),
            Text(product, "instrument", prefix),
            Text(product, "level", prefix),
            Text(product, "descriptor", prefix),
            Time(product, "start", prefix),
            Time(product, "end", prefix),
            orbit,
            Text(product, "version", prefix),
            Property(product, "size", prefix, JsonValueKind.Number, "the size in bytes").GetInt64(),
            Text(product, "md5", prefix),
            Text(product, "sha256", prefix),
            product.TryGetProperty("quality", out var q) && q.ValueKind == JsonValueKind.Number ? q.GetInt32() : 0,
            Names(product, "inputs", prefix),
            Names(product, "kernels", prefix),
            Names(product, "calibration", prefix));
    }

    private static JsonElement Property(JsonElement parent, string name, string prefix, JsonValueKind kind, string expected) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == kind
            ? value
            : throw new JobOutputsException(prefix + name, value.ValueKind == JsonValueKind.Undefined ? "missing" : value.ValueKind.ToString(), expected);

    private static string Text(JsonElement parent, string name, string prefix) =>
        Property(parent, name, prefix, JsonValueKind.String, "a string").GetString()!;

    private static DateTimeOffset Time(JsonElement parent, string name, string prefix)
    {
        var text = Text(parent, name, prefix);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new JobOutputsException(prefix + name, $"'{text}'", "an ISO 8601 time");
    }

    private static List<string> Names(JsonElement parent, string name, string prefix)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            throw new JobOutputsException(prefix + name, value.ValueKind.ToString(), "an array of file names");
        }
        return value.EnumerateArray().Select(v => v.GetString()!).ToList();
    }
}
