using System.Text.Json.Nodes;

namespace Sdc.States.Validation.Tests;

/// <summary>
/// Every definition the suite validates, loaded once. A fixture file reads
/// <c>{ "description", "definition", "expect": [ { "code", "state" } ], "aslValidatorDisagrees"?, "options"? }</c>;
/// <c>options</c> may give <c>knownResources</c> (the host's registry) and <c>jsonataSupported</c>.
/// </summary>
internal static class DefinitionCases
{
    private static readonly Lazy<IReadOnlyDictionary<string, DefinitionCase>> All = new(Load);

    public static IReadOnlyDictionary<string, DefinitionCase> ByName => All.Value;

    public static TheoryData<string> Valid() => Names(c => c.IsValid);

    public static TheoryData<string> Invalid() => Names(c => !c.IsValid);

    public static TheoryData<string> Every() => Names(_ => true);

    private static TheoryData<string> Names(Func<DefinitionCase, bool> filter)
    {
        var data = new TheoryData<string>();
        foreach (var name in ByName.Values.Where(filter).Select(c => c.Name).Order(StringComparer.Ordinal))
        {
            data.Add(name);
        }
        return data;
    }

    private static Dictionary<string, DefinitionCase> Load()
    {
        var cases = new List<DefinitionCase>();
        foreach (var kind in new[] { "valid", "invalid" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Fixtures, kind), "*.json"))
            {
                cases.Add(FromFixture(file, kind == "valid"));
            }
        }
        var conformance = RepositoryPaths.Conformance;
        if (!Directory.Exists(conformance))
        {
            throw new InvalidOperationException($"The conformance cases are missing: expected them in {conformance}.");
        }
        foreach (var file in Directory.GetFiles(conformance, "*.json"))
        {
            var json = Parse(file);
            cases.Add(new DefinitionCase($"conformance/{Path.GetFileNameWithoutExtension(file)}", file,
                json["definition"] ?? throw new InvalidDataException($"{file} has no definition"),
                IsValid: true, [], AslValidatorDisagrees: null, ValidationOptions.Default));
        }
        return cases.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    private static DefinitionCase FromFixture(string file, bool valid)
    {
        var json = Parse(file);
        var name = $"{(valid ? "valid" : "invalid")}/{Path.GetFileNameWithoutExtension(file)}";
        var expected = (json["expect"] as JsonArray ?? [])
            .Select(e => new ExpectedProblem(
                e!["code"]!.GetValue<string>(),
                e["state"]?.GetValue<string>()))
            .ToList();
        if (valid == expected.Count > 0)
        {
            throw new InvalidDataException($"{file}: a valid fixture has no \"expect\"; an invalid one lists at least one problem.");
        }
        var options = ValidationOptions.Default;
        if (json["options"] is JsonObject o)
        {
            var known = o["knownResources"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            options = options with
            {
                IsKnownResource = known is null ? null : known.Contains,
                JsonataSupported = o["jsonataSupported"]?.GetValue<bool>() ?? false,
            };
        }
        return new DefinitionCase(name, file,
            json["definition"] ?? throw new InvalidDataException($"{file} has no definition"),
            valid, expected, json["aslValidatorDisagrees"]?.GetValue<string>(), options);
    }

    private static JsonObject Parse(string file) =>
        JsonNode.Parse(File.ReadAllText(file)) as JsonObject ?? throw new InvalidDataException($"{file} is not a JSON object");
}
