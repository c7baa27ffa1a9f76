using System.Text.Json.Nodes;

namespace Sdc.States.Tests;

/// <summary>One execution from ../shared/asl-conformance/ with its known-right outcome (format in that folder's README).</summary>
internal sealed record ConformanceCase(string File, JsonObject Json)
{
    public static string Folder { get; } = FindFolder();

    public JsonObject Definition => Json["definition"]!.AsObject();

    public JsonNode? Input => Json["input"];

    public bool ExpectsError => Json.ContainsKey("expectedError");

    public static IEnumerable<ConformanceCase> All() =>
        Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => new ConformanceCase(Path.GetFileName(f), JsonNode.Parse(System.IO.File.ReadAllText(f))!.AsObject()));

    private static string FindFolder()
    {
        var folder = Path.GetFullPath(Path.Combine(global::Sdc.Testing.RepositoryRoot.Path, "..", "shared", "asl-conformance"));
        return Directory.Exists(folder) ? folder : throw new DirectoryNotFoundException($"Conformance cases not found at {folder}");
    }
}
