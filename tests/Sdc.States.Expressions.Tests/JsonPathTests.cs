using System.Text.Json.Nodes;
using Sdc.States.Errors;

namespace Sdc.States.Expressions.Tests;

public class JsonPathTests
{
    [Fact]
    public void TryEvaluate_DefiniteResult_IsACopyTheCallerMayMutate()
    {
        var input = JsonNode.Parse("""{"a":{"b":[1,2]}}""");
        var path = JsonPath.Parse("$.a");

        Assert.True(path.TryEvaluate(input, out var result));
        result!["b"]!.AsArray().Add(3);

        Assert.Equal("""{"a":{"b":[1,2]}}""", JsonValues.ToJson(input));
        Assert.Null(result.Parent);
    }

    [Fact]
    public void TryEvaluate_IndefiniteResult_IsANewArrayOfCopies()
    {
        var input = JsonNode.Parse("""{"a":[{"x":1},{"x":2}]}""");

        Assert.True(JsonPath.Parse("$.a[*]").TryEvaluate(input, out var result));
        result![0]!["x"] = 99;

        Assert.Equal("""{"a":[{"x":1},{"x":2}]}""", JsonValues.ToJson(input));
    }

    [Fact]
    public void TryEvaluate_NullValueAndAbsentValue_AreDistinct()
    {
        var input = JsonNode.Parse("""{"present":null}""");

        Assert.True(JsonPath.Parse("$.present").TryEvaluate(input, out var present));
        Assert.Null(present);
        Assert.False(JsonPath.Parse("$.absent").TryEvaluate(input, out _));
    }

    [Fact]
    public void TryEvaluate_RootOfNullDocument_FindsNull()
    {
        Assert.True(JsonPath.Parse("$").TryEvaluate(null, out var result));
        Assert.Null(result);
    }

    [Fact]
    public void TryEvaluate_SamePathTwice_GivesEqualIndependentResults()
    {
        var path = JsonPath.Parse("$..x");
        var input = JsonNode.Parse("""{"x":1,"y":{"x":2}}""");

        path.TryEvaluate(input, out var first);
        path.TryEvaluate(input, out var second);

        Assert.NotSame(first, second);
        Assert.Equal("[1,2]", JsonValues.ToJson(first));
        Assert.Equal("[1,2]", JsonValues.ToJson(second));
    }

    [Theory]
    [InlineData("$", true)]
    [InlineData("$.a.b[0]['c'][-1]", true)]
    [InlineData("$.a.length()", true)]
    [InlineData("$.a[*]", false)]
    [InlineData("$.a.*", false)]
    [InlineData("$..a", false)]
    [InlineData("$.a[0:1]", false)]
    [InlineData("$.a[0,1]", false)]
    [InlineData("$['a','b']", false)]
    [InlineData("$.a[?(@.b)]", false)]
    public void IsDefinite_Path_ReportsWhetherItSelectsOneNode(string text, bool definite) =>
        Assert.Equal(definite, JsonPath.Parse(text).IsDefinite);

    [Theory]
    [InlineData("$$.Execution.Input", true)]
    [InlineData("$$", true)]
    [InlineData("$.Execution", false)]
    [InlineData("States.Format('$$')", false)]
    public void IsContextPath_Text_DetectsDoubleDollar(string text, bool expected) =>
        Assert.Equal(expected, JsonPath.IsContextPath(text));

    [Fact]
    public void Parse_ContextPath_EvaluatesAgainstTheRootGiven()
    {
        var path = JsonPath.Parse("$$.Execution.Name");
        var context = JsonNode.Parse("""{"Execution":{"Name":"run-7"}}""");

        Assert.True(path.IsContextReference);
        Assert.Equal("run-7", path.Evaluate(context)!.GetValue<string>());
    }

    [Theory]
    [InlineData("$.a.b", "$['a']['b']")]
    [InlineData("$['a'][0][*]", "$['a'][0][*]")]
    [InlineData("$..a[1:3]", "$..['a'][1:3]")]
    [InlineData("$.vals[-3:]", "$['vals'][-3:]")]
    public void CanonicalText_Path_IsJaywaysNormalizedForm(string text, string canonical) =>
        Assert.Equal(canonical, JsonPath.Parse(text).CanonicalText);

    [Fact]
    public void Parse_SyntaxError_NamesTextAndPosition()
    {
        var error = Assert.Throws<JsonPathSyntaxException>(() => JsonPath.Parse("$.a[?(@.b === 1)]"));

        Assert.Equal("$.a[?(@.b === 1)]", error.Text);
        Assert.Equal(12, error.Position);
        Assert.Contains("'$.a[?(@.b === 1)]'", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<FormatException>(error);
    }

    [Fact]
    public void Evaluate_AbsentDefinitePath_ThrowsStatesRuntimeInAwsWording()
    {
        var error = Assert.Throws<StatesRuntimeException>(() => JsonPath.Parse("$.x").Evaluate(JsonNode.Parse("{}")));

        Assert.Equal(StatesErrorNames.Runtime, error.Error);
        Assert.Equal("Invalid path '$.x' : No results for path: $['x']", error.Cause);
        Assert.False(error.IsRecoverable);
    }

    [Fact]
    public void TryParse_InvalidText_ReturnsFalse()
    {
        Assert.False(JsonPath.TryParse("$.", out var path));
        Assert.Null(path);
        Assert.True(JsonPath.TryParse(" $.a ", out path));
        Assert.Equal(" $.a ", path!.Text);
    }
}
