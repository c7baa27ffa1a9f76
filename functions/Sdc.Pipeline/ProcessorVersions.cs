using System.Text.Json;

namespace Sdc.Pipeline;

/// <summary>
/// <c>processors/versions.json</c>: per instrument, the processor release in production (and,
/// later, staging). The planner stamps the production release into every job it plans, so a
/// job's identity changes when a new version is promoted.
/// </summary>
public sealed class ProcessorVersions(IReadOnlyDictionary<string, ProcessorRelease> production)
{
    public const string FileName = "versions.json";

    public IReadOnlyDictionary<string, ProcessorRelease> Production { get; } = production;

    public ProcessorRelease For(string instrument) =>
        Production.TryGetValue(instrument, out var release)
            ? release
            : throw new InvalidOperationException($"processors/{FileName} names no production processor for '{instrument}'.");

    public static ProcessorVersions Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var releases = new Dictionary<string, ProcessorRelease>(StringComparer.Ordinal);
        foreach (var instrument in document.RootElement.EnumerateObject())
        {
            if (!instrument.Value.TryGetProperty("production", out var production) || production.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{path}: {instrument.Name}.production: missing; expected {{\"name\", \"version\", \"image\"}}.");
            }
            string Text(string field) => production.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : throw new FormatException($"{path}: {instrument.Name}.production.{field}: missing; expected a string.");
            releases[instrument.Name] = new ProcessorRelease(instrument.Name, Text("name"), Text("version"), Text("image"));
        }
        return new ProcessorVersions(releases);
    }
}
