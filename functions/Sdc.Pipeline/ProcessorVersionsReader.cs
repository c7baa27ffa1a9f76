using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sdc.Pipeline;

/// <summary>
/// Reads <c>processors/versions.json</c> strictly: an unknown stage or field is an error, not
/// ignored, because a misspelt <c>"digets"</c> would otherwise deploy by tag without anyone
/// noticing. Every error names the file, the path inside it and what was expected.
/// </summary>
internal static partial class ProcessorVersionsReader
{
    private const string EntryShape = "{\"name\", \"version\", \"image\", optional \"digest\"}";

    private static readonly string[] Fields = ["name", "version", "image", "digest"];

    public static ProcessorVersions Read(byte[] json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}: not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{source}: expected an object of instruments, e.g. {{\"exi\": {{\"production\": {EntryShape}}}}}.");
            }
            var production = new OrderedDictionary<string, ProcessorRelease>(StringComparer.Ordinal);
            var staging = new OrderedDictionary<string, ProcessorRelease>(StringComparer.Ordinal);
            foreach (var instrument in document.RootElement.EnumerateObject())
            {
                if (production.ContainsKey(instrument.Name))
                {
                    throw new FormatException($"{source}: {instrument.Name}: listed twice; expected each instrument once.");
                }
                if (instrument.Value.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException($"{source}: {instrument.Name}: expected an object with \"production\" and optional \"staging\".");
                }
                foreach (var stage in instrument.Value.EnumerateObject())
                {
                    if (stage.Name is not (ProductionKey or StagingKey))
                    {
                        throw new FormatException($"{source}: {instrument.Name}.{stage.Name}: unknown stage; expected \"production\" or \"staging\".");
                    }
                }
                production[instrument.Name] = Entry(source, instrument, ProductionKey, required: true)!;
                if (Entry(source, instrument, StagingKey, required: false) is { } staged)
                {
                    staging[instrument.Name] = staged;
                }
            }
            return new ProcessorVersions(production, staging);
        }
    }

    internal const string ProductionKey = "production";
    internal const string StagingKey = "staging";

    /// <summary>What a digest looks like: the registry's content address of an image manifest.</summary>
    [GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    internal static partial Regex DigestPattern();

    /// <summary>Versions become object keys (<c>validation/&lt;instrument&gt;/&lt;version&gt;.json</c>) and image tags.</summary>
    [GeneratedRegex("^[0-9A-Za-z][0-9A-Za-z._+-]{0,63}$")]
    internal static partial Regex VersionPattern();

    private static ProcessorRelease? Entry(string source, JsonProperty instrument, string stage, bool required)
    {
        var where = $"{instrument.Name}.{stage}";
        if (!instrument.Value.TryGetProperty(stage, out var entry))
        {
            return required ? throw new FormatException($"{source}: {where}: missing; expected {EntryShape}.") : null;
        }
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{source}: {where}: expected {EntryShape}, got {entry.ValueKind.ToString().ToLowerInvariant()}.");
        }
        foreach (var field in entry.EnumerateObject())
        {
            if (!Fields.Contains(field.Name))
            {
                throw new FormatException($"{source}: {where}.{field.Name}: unknown field; expected {EntryShape}.");
            }
        }
        string? Text(string field, bool needed)
        {
            if (!entry.TryGetProperty(field, out var value))
            {
                return needed ? throw new FormatException($"{source}: {where}.{field}: missing; expected a string.") : null;
            }
            return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text && !text.Any(char.IsWhiteSpace)
                ? text
                : throw new FormatException($"{source}: {where}.{field}: {value.GetRawText()}; expected a non-empty string without spaces.");
        }
        var version = Text("version", needed: true)!;
        if (!VersionPattern().IsMatch(version))
        {
            throw new FormatException($"{source}: {where}.version: '{version}'; expected a version such as 1.2.0 (letters, digits, '.', '_', '+', '-'; at most 64).");
        }
        var digest = Text("digest", needed: false);
        if (digest is not null && !DigestPattern().IsMatch(digest))
        {
            throw new FormatException($"{source}: {where}.digest: '{digest}'; expected \"sha256:\" and 64 lower-case hex digits (what `docker push` prints).");
        }
        return new ProcessorRelease(instrument.Name, Text("name", needed: true)!, version, Text("image", needed: true)!, digest);
    }
}
