namespace Sdc.States.Validation.Tests;

/// <summary>Every fixture and conformance definition through the validator: valid ones clean, invalid ones with exactly their problems.</summary>
public class StateMachineValidatorFixtureTests
{
    public static TheoryData<string> ValidCases => DefinitionCases.Valid();

    public static TheoryData<string> InvalidCases => DefinitionCases.Invalid();

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void Validate_ValidDefinition_ReportsNoProblem(string name)
    {
        var definition = DefinitionCases.ByName[name];

        var problems = StateMachineValidator.Validate(definition.Definition, definition.Options);

        Assert.True(problems.Count == 0, $"{name} should be valid, but:\n{string.Join("\n", problems)}");
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Validate_InvalidDefinition_ReportsExactlyTheExpectedProblems(string name)
    {
        var definition = DefinitionCases.ByName[name];

        var problems = StateMachineValidator.Validate(definition.Definition, definition.Options);

        var actual = problems.Select(p => new ExpectedProblem(p.Code, p.StateName)).ToHashSet();
        Assert.True(actual.SetEquals(definition.Expected),
            $"{name}: expected {string.Join(", ", definition.Expected)}\nbut got:\n{string.Join("\n", problems)}");
        Assert.All(problems, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Path));
            Assert.True(p.Message.Length > 20, $"message too terse to say what is expected: {p}");
        });
    }
}
