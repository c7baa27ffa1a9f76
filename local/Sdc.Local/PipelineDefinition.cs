using System.Text.RegularExpressions;
using Sdc.States;

namespace Sdc.Local;

/// <summary>Loads pipeline.asl.json with its <c>${Name}</c> placeholders filled, as CDK's DefinitionSubstitutions would.</summary>
public static partial class PipelineDefinition
{
    public const string RelativePath = "infra/pipeline.asl.json";

    public static string Substitute(string definition, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(definition, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"pipeline.asl.json uses ${{{m.Groups[1].Value}}}, which has no value; known: {string.Join(", ", values.Keys)}."));
    }

    public static StateMachine Load(string path) => StateMachine.Parse(Substitute(File.ReadAllText(path), LocalArns.Substitutions));

    [GeneratedRegex(@"\$\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();
}
