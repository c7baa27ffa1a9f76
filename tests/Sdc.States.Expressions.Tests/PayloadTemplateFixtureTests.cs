using Sdc.States.Expressions.Tests.Support;

namespace Sdc.States.Expressions.Tests;

public class PayloadTemplateFixtureTests
{
    private const string File = "payload.json";

    public static TheoryData<string> Cases => Fixture.CaseNames(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_FixtureCase_MatchesExpected(string name)
    {
        var testCase = Fixture.Case(File, name);
        var template = Fixture.Value(File, testCase, "template");
        var input = Fixture.Value(File, testCase, "input");
        var context = Fixture.Value(File, testCase, "context");

        Outcome.Check(testCase, () => PayloadTemplate.Compile(template).Evaluate(input, context));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void StaticEvaluate_FixtureCase_MatchesCompiled(string name)
    {
        var testCase = Fixture.Case(File, name);
        var template = Fixture.Value(File, testCase, "template");
        var input = Fixture.Value(File, testCase, "input");
        var context = Fixture.Value(File, testCase, "context");

        Outcome.Check(testCase, () => PayloadTemplate.Evaluate(template, input, context));
    }
}
