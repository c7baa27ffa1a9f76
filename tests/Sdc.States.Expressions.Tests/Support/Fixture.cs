using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Tests.Support;

/// <summary>
/// Loads the data-driven cases under Fixtures/. Each file holds "cases" (objects with a unique
/// "name"); an input written as "@key" refers to "documents"/key in the same file.
/// </summary>
internal static class Fixture
{
    private static readonly ConcurrentDictionary<string, JsonObject> Files = new();

    public static TheoryData<string> CaseNames(string file)
    {
        var data = new TheoryData<string>();
        foreach (var item in Load(file)["cases"]!.AsArray())
        {
            data.Add(item!["name"]!.GetValue<string>());
        }

        return data;
    }

    public static JsonObject Case(string file, string name)
    {
        foreach (var item in Load(file)["cases"]!.AsArray())
        {
            if (item!["name"]!.GetValue<string>() == name)
            {
                return item.AsObject();
            }
        }

        throw new InvalidOperationException($"No case '{name}' in {file}.");
    }

    /// <summary>A case field, resolving "@document" references; absent fields are JSON null.</summary>
    public static JsonNode? Value(string file, JsonObject testCase, string field)
    {
        var value = testCase[field];
        if (JsonValues.TryGetString(value, out var text) && text.StartsWith('@'))
        {
            return Load(file)["documents"]![text[1..]]?.DeepClone();
        }

        return value?.DeepClone();
    }

    private static JsonObject Load(string file) =>
        Files.GetOrAdd(file, f => JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", f)))!.AsObject());
}
