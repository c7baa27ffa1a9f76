using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sdc.Promotion.Runs;

/// <summary>
/// Reads a job's <c>outputs.json</c> (processors/Sdc.Processing/README.md): the products it lists,
/// each under the job's output prefix. A processor that exits successfully without a readable
/// manifest, or lists a product it did not write, has broken the contract; the message says how.
/// </summary>
internal static class OutputsManifest
{
    public const string FileName = "outputs.json";

    public static async Task<IReadOnlyList<ProducedFile>> ReadAsync(string outputFolder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(outputFolder, FileName);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: missing; a processor writes outputs.json last, listing its products.");
        }
        JsonObject root;
        try
        {
            root = JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken)) as JsonObject
                ?? throw new InvalidDataException($"{path}: expected a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON: {e.Message}", e);
        }
        var products = root["products"] as JsonArray ?? throw new InvalidDataException($"{path}: 'products' is missing; expected a list.");
        var files = new List<ProducedFile>();
        for (var i = 0; i < products.Count; i++)
        {
            var where = $"{path}: products[{i}]";
            var product = products[i] as JsonObject ?? throw new InvalidDataException($"{where}: expected an object.");
            string Text(string field) => product[field] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0
                ? s
                : throw new InvalidDataException($"{where}.{field}: expected text, got {product[field]?.ToJsonString() ?? "nothing"}.");
            long Number(string field) => product[field] is JsonValue v && v.TryGetValue<long>(out var n)
                ? n
                : throw new InvalidDataException($"{where}.{field}: expected a number, got {product[field]?.ToJsonString() ?? "nothing"}.");
            DateTimeOffset Time(string field) => DateTimeOffset.TryParse(Text(field), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                ? t.ToUniversalTime()
                : throw new InvalidDataException($"{where}.{field}: expected an ISO 8601 time, got {product[field]!.ToJsonString()}.");
            var name = Text("name");
            if (name != Path.GetFileName(name))
            {
                throw new InvalidDataException($"{where}.name: '{name}'; expected a file name under the output prefix.");
            }
            var file = Path.Combine(outputFolder, name);
            if (!File.Exists(file))
            {
                throw new InvalidDataException($"{where}: lists {name}, which is not in {outputFolder}.");
            }
            var notes = product["qualityNotes"] as JsonArray;
            files.Add(new ProducedFile(
                name,
                file,
                Text("level"),
                Text("descriptor"),
                Time("start"),
                Time("end"),
                product["orbit"] is JsonValue o && o.TryGetValue<int>(out var orbit) ? orbit : null,
                Number("size"),
                Text("md5"),
                Text("sha256"),
                (int)Number("quality"),
                notes is null ? [] : [.. notes.Select(n => n?.GetValue<string>() ?? "")]));
        }
        return files;
    }
}
