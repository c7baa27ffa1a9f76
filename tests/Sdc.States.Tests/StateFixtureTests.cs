using System.Text.Json.Nodes;

namespace Sdc.States.Tests;

/// <summary>
/// Per-state-type and per-rule cases in Fixtures/states/*.json, derived from the ASL
/// specification's and AWS documentation's worked examples; each file is an array of cases in the
/// conformance format, each with a "name".
/// </summary>
public sealed class StateFixtureTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "states");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            foreach (var @case in JsonNode.Parse(File.ReadAllText(file))!.AsArray())
            {
                data.Add(Path.GetFileNameWithoutExtension(file), @case!["name"]!.GetValue<string>());
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Run_FixtureCase_EndsAsSpecified(string file, string name)
    {
        var cases = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, file + ".json")))!.AsArray();
        var @case = cases.Single(c => c!["name"]!.GetValue<string>() == name)!.AsObject();

        await CaseRunner.RunAsync(@case, $"{file}: {name}");
    }
}
