using System.Text.Json.Nodes;

namespace Sdc.States.Validation.Tests;

/// <summary>
/// One definition to validate: a fixture file (<c>Fixtures/valid</c>, <c>Fixtures/invalid</c>) or the
/// definition of a conformance case. Invalid fixtures list the problems they must produce.
/// </summary>
internal sealed record DefinitionCase(
    string Name,
    string SourceFile,
    JsonNode Definition,
    bool IsValid,
    IReadOnlyList<ExpectedProblem> Expected,
    string? AslValidatorDisagrees,
    ValidationOptions Options)
{
    public override string ToString() => Name;
}
