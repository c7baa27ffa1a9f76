using Sdc.States.Expressions.Tests.Support;

namespace Sdc.States.Expressions.Tests;

public class ReferencePathFixtureTests
{
    private const string File = "referencepath.json";

    public static TheoryData<string> Cases => Fixture.CaseNames(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_FixtureCase_MatchesExpected(string name)
    {
        var testCase = Fixture.Case(File, name);
        var text = testCase["path"]!.GetValue<string>();
        var input = Fixture.Value(File, testCase, "input");
        var result = Fixture.Value(File, testCase, "result");

        Outcome.Check(testCase, () => ReferencePath.Parse(text).Apply(input, result));
    }
}
