namespace Sdc.States.Validation.Tests;

/// <summary>
/// The npm asl-validator and ours must agree on valid/invalid for every definition of the suite, except where a
/// fixture documents why they differ (<c>"aslValidatorDisagrees"</c>) — then they must differ exactly so.
/// </summary>
public class AslValidatorAgreementTests(AslValidatorVerdicts aslValidator) : IClassFixture<AslValidatorVerdicts>
{
    public static TheoryData<string> Cases => DefinitionCases.Every();

    [Theory]
    [MemberData(nameof(Cases))]
    public void AslValidator_SameDefinition_AgreesUnlessDocumented(string name)
    {
        var definition = DefinitionCases.ByName[name];
        var problems = StateMachineValidator.Validate(definition.Definition, definition.Options);
        var (theirs, output) = aslValidator.For(name);

        Assert.True(problems.Count == 0 == definition.IsValid, $"{name}: our validator does not match the fixture:\n{string.Join("\n", problems)}");
        if (definition.AslValidatorDisagrees is null)
        {
            Assert.True(theirs == definition.IsValid,
                $"{name} is {Verdict(definition.IsValid)}, but asl-validator says {Verdict(theirs)}; fix the fixture or our validator, or document why in \"aslValidatorDisagrees\".\n{output}");
        }
        else
        {
            Assert.True(theirs != definition.IsValid,
                $"{name} documents that asl-validator disagrees ({definition.AslValidatorDisagrees}), but it too says {Verdict(theirs)}; remove \"aslValidatorDisagrees\".\n{output}");
        }
    }

    private static string Verdict(bool valid) => valid ? "valid" : "invalid";
}
