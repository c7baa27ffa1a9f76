using System.Text.Json.Nodes;
using Sdc.States.Errors;

namespace Sdc.States.Expressions.Tests.Support;

/// <summary>Checks a fixture case's "expected" value or "expectedError" (+ "expectedCause", "expectedCauseContains", "expectedPosition").</summary>
internal static class Outcome
{
    public const string SyntaxError = "SyntaxError";

    public static void Check(JsonObject testCase, Func<JsonNode?> run)
    {
        var name = testCase["name"]!.GetValue<string>();
        if (!testCase.TryGetPropertyValue("expectedError", out var expectedErrorNode))
        {
            JsonNode? actual;
            try
            {
                actual = run();
            }
            catch (Exception e) when (e is StatesException or FormatException)
            {
                Assert.Fail($"{name}: expected a value but got {e.GetType().Name}: {e.Message}");
                return;
            }

            Assert.True(testCase.ContainsKey("expected"), $"{name}: the case has neither 'expected' nor 'expectedError'");
            JsonAssert.Equal(testCase["expected"], actual, name);
            return;
        }

        var expectedError = expectedErrorNode!.GetValue<string>();
        var exception = Record.Exception(() => run());
        Assert.True(exception is not null, $"{name}: expected {expectedError} but the evaluation succeeded");
        if (expectedError == SyntaxError)
        {
            Assert.True(exception is FormatException, $"{name}: expected a syntax error but got {exception.GetType().Name}: {exception.Message}");
            if (testCase["expectedPosition"] is { } position)
            {
                var actualPosition = exception switch
                {
                    JsonPathSyntaxException p => p.Position,
                    IntrinsicSyntaxException i => i.Position,
                    _ => -1,
                };
                Assert.True(position.GetValue<int>() == actualPosition, $"{name}: expected position {position} but got {actualPosition}: {exception.Message}");
            }

            return;
        }

        var states = Assert.IsAssignableFrom<StatesException>(exception);
        Assert.True(expectedError == states.Error, $"{name}: expected {expectedError} but got {states.Error}: {states.Cause}");
        if (testCase["expectedCause"] is { } cause)
        {
            Assert.Equal(cause.GetValue<string>(), states.Cause);
        }

        if (testCase["expectedCauseContains"] is { } part)
        {
            Assert.Contains(part.GetValue<string>(), states.Cause, StringComparison.Ordinal);
        }
    }
}
