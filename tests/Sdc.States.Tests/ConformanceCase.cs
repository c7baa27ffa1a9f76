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
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Sdc.sln")))
            {
                var folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "asl-conformance"));
                return Directory.Exists(folder) ? folder : throw new DirectoryNotFoundException($"Conformance cases not found at {folder}");
            }
        }
        throw new InvalidOperationException($"No Sdc.sln above {AppContext.BaseDirectory}");
    }
}
