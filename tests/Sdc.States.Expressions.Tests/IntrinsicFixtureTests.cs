using Sdc.States.Expressions.Tests.Support;

namespace Sdc.States.Expressions.Tests;

public class IntrinsicFixtureTests
{
    private const string File = "intrinsics.json";

    public static TheoryData<string> Cases => Fixture.CaseNames(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_FixtureCase_MatchesExpected(string name)
    {
        var testCase = Fixture.Case(File, name);
        var text = testCase["expression"]!.GetValue<string>();
        var input = Fixture.Value(File, testCase, "input");
        var context = Fixture.Value(File, testCase, "context");

        Outcome.Check(testCase, () => IntrinsicExpression.Parse(text).Evaluate(input, context));
    }
}
