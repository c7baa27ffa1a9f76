using Sdc.States.Expressions.Tests.Support;

namespace Sdc.States.Expressions.Tests;

public class JsonPathFixtureTests
{
    private const string File = "jsonpath.json";

    public static TheoryData<string> Cases => Fixture.CaseNames(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void TryEvaluate_FixtureCase_MatchesExpected(string name)
    {
        var testCase = Fixture.Case(File, name);
        var text = testCase["path"]!.GetValue<string>();
        var input = Fixture.Value(File, testCase, "input");

        if (testCase["expectedError"] is not null)
        {
            Outcome.Check(testCase, () => JsonPath.Parse(text).Evaluate(input));
            return;
        }

        var path = JsonPath.Parse(text);
        if (testCase["definite"] is { } definite)
        {
            Assert.Equal(definite.GetValue<bool>(), path.IsDefinite);
        }

        var found = path.TryEvaluate(input, out var result);
        if (testCase["expectedAbsent"] is not null)
        {
            Assert.False(found, $"{name}: expected no result but got {JsonValues.ToJson(result)}");
            var error = Assert.Throws<Sdc.States.Errors.StatesRuntimeException>(() => path.Evaluate(input));
            if (testCase["expectedCause"] is { } cause)
            {
                Assert.Equal(cause.GetValue<string>(), error.Cause);
            }

            return;
        }

        Assert.True(found, $"{name}: expected a result but the path selected nothing");
        JsonAssert.Equal(testCase["expected"], result, name);
    }
}
