using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Sdc.Processing;

/// <summary>
/// Reads a job from its JSON. Every problem names the field and what was expected (exit code 2),
/// because the person reading it may be an ITF developer writing a job by hand.
/// </summary>
public static partial class JobReader
{
    public const string JobEnvironmentVariable = "SDC_JOB";

    public static ProcessorJob Parse(string json, string source)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw Bad(source, "", "expected a JSON object");
        }
        catch (JsonException e)
        {
            throw new BadInputException(SdkMessages.BadJob, $"{source}: not valid JSON: {e.Message}", source, e.BytePositionInLine);
        }
        var reader = new Reader(source);
        var job = new ProcessorJob(
            reader.Text(root, "jobId"),
            reader.Identifier(root, "instrument"),
            reader.Identifier(root, "from"),
            reader.Array(root, "produces", required: true).Select((n, i) => reader.IdentifierValue(n, $"produces[{i}]")).ToList(),
            ReadProcessor(root, reader),
            reader.Files(root, "inputs", required: true),
            reader.Files(root, "kernels", required: false),
            reader.Files(root, "calibration", required: false),
            reader.Text(root, "outputPrefix"),
            reader.Version(root, "productVersion"),
            reader.Time(root, "creationTime"),
            root["parameters"] is null ? [] : root["parameters"] as JsonObject ?? throw Bad(source, "parameters", "expected an object"));
        if (job.Inputs.Count == 0)
        {
            throw Bad(source, "inputs", "expected at least one input file");
        }
        return job;
    }

    private static ProcessorIdentity ReadProcessor(JsonObject root, Reader reader)
    {
        var processor = root["processor"] as JsonObject ?? throw Bad(reader.Source, "processor", "expected an object with name, version and image");
        return new ProcessorIdentity(reader.Text(processor, "name", "processor."), reader.Text(processor, "version", "processor."),
            reader.OptionalText(processor, "image", "processor."));
    }

    private static BadInputException Bad(string source, string field, string expected) =>
        new(SdkMessages.BadJob, field.Length == 0 ? $"{source}: {expected}" : $"{source}: field '{field}': {expected}", source);

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex Md5Hex();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();

    [GeneratedRegex("^[0-9]{2}-[0-9]{2}$")]
    private static partial Regex VersionText();

    private sealed class Reader(string source)
    {
        public string Source => source;

        public string Text(JsonObject o, string key, string prefix = "") =>
            OptionalText(o, key, prefix) ?? throw Bad(source, prefix + key, "is missing; expected text");

        public string? OptionalText(JsonObject o, string key, string prefix = "")
        {
            var node = o[key];
            if (node is null)
            {
                return null;
            }
            return node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length > 0
                ? v.GetValue<string>()
                : throw Bad(source, prefix + key, $"expected non-empty text, got {node.ToJsonString()}");
        }

        public string Identifier(JsonObject o, string key) => IdentifierValue(o[key], key);

        public string IdentifierValue(JsonNode? node, string field)
        {
            var text = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
            return text is { Length: > 0 and <= 16 } && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
                ? text
                : throw Bad(source, field, $"expected a lower-case identifier such as 'exi' or 'l1', got {node?.ToJsonString() ?? "nothing"}");
        }

        public string Version(JsonObject o, string key)
        {
            var text = Text(o, key);
            return VersionText().IsMatch(text) ? text : throw Bad(source, key, $"expected major-minor as two digits each, e.g. 01-00, got '{text}'");
        }

        public DateTimeOffset Time(JsonObject o, string key)
        {
            var text = Text(o, key);
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
                ? time.ToUniversalTime()
                : throw Bad(source, key, $"expected an ISO 8601 UTC time such as 2021-02-25T00:00:00Z, got '{text}'");
        }

        public JsonArray Array(JsonObject o, string key, bool required)
        {
            var node = o[key];
            if (node is null && !required)
            {
                return [];
            }
            return node as JsonArray ?? throw Bad(source, key, node is null ? "is missing; expected a list" : "expected a list");
        }

        public List<JobFile> Files(JsonObject o, string key, bool required)
        {
            var files = new List<JobFile>();
            var array = Array(o, key, required);
            for (var i = 0; i < array.Count; i++)
            {
                var field = $"{key}[{i}].";
                var file = array[i] as JsonObject ?? throw Bad(source, $"{key}[{i}]", "expected an object with location, name, size and md5");
                var size = file["size"] is JsonValue s && s.TryGetValue<long>(out var n) && n >= 0
                    ? n
                    : throw Bad(source, field + "size", $"expected a byte count, got {file["size"]?.ToJsonString() ?? "nothing"}");
                var md5 = Text(file, "md5", field);
                if (!Md5Hex().IsMatch(md5))
                {
                    throw Bad(source, field + "md5", $"expected 32 lower-case hex digits, got '{md5}'");
                }
                var sha256 = OptionalText(file, "sha256", field);
                if (sha256 is not null && !Sha256Hex().IsMatch(sha256))
                {
                    throw Bad(source, field + "sha256", $"expected 64 lower-case hex digits, got '{sha256}'");
                }
                files.Add(new JobFile(Text(file, "location", field), Text(file, "name", field), size, md5, sha256, OptionalText(file, "type", field)));
            }
            return files;
        }
    }
}
