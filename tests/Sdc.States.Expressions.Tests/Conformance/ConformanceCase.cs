using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Tests.Conformance;

/// <summary>One recorded execution from shared/asl-conformance (format in its README).</summary>
internal sealed record ConformanceCase(string FileName, JsonObject Document)
{
    public JsonObject Definition => Document["definition"]!.AsObject();

    public JsonNode? Input => Document["input"];

    public static string Directory => Path.Combine(Support.RepositoryRoot.Find(), "..", "shared", "asl-conformance");

    public static IEnumerable<ConformanceCase> All() =>
        System.IO.Directory.GetFiles(Directory, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(f => new ConformanceCase(Path.GetFileName(f), JsonNode.Parse(File.ReadAllText(f))!.AsObject()));

    public static ConformanceCase Load(string fileName) =>
        new(fileName, JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, fileName)))!.AsObject());
}
