using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Tests;

public class ReferencePathTests
{
    [Fact]
    public void Apply_AnyPath_LeavesInputAndResultUntouched()
    {
        var input = JsonNode.Parse("""{"a":{"b":1}}""");
        var result = JsonNode.Parse("""{"r":[1]}""");

        var output = ReferencePath.Parse("$.a.c").Apply(input, result);
        output!["a"]!["c"]!["r"]!.AsArray().Add(2);

        Assert.Equal("""{"a":{"b":1}}""", JsonValues.ToJson(input));
        Assert.Equal("""{"r":[1]}""", JsonValues.ToJson(result));
        Assert.Null(result!.Parent);
    }

    [Fact]
    public void Apply_Root_ReturnsACopyOfTheResult()
    {
        var result = JsonNode.Parse("""{"r":1}""");

        var output = ReferencePath.Parse("$").Apply(JsonNode.Parse("{}"), result);

        Assert.NotSame(result, output);
        Assert.Equal("""{"r":1}""", JsonValues.ToJson(output));
    }

    [Fact]
    public void Apply_ResultThatBelongsToAnotherDocument_IsCopiedNotMoved()
    {
        var other = JsonNode.Parse("""{"inner":{"v":1}}""");
        var result = other!["inner"];

        var output = ReferencePath.Parse("$.x").Apply(JsonNode.Parse("{}"), result);

        Assert.Equal("""{"x":{"v":1}}""", JsonValues.ToJson(output));
        Assert.Same(other, result!.Parent);
    }

    [Fact]
    public void Parse_Wildcard_ReportsItsPosition()
    {
        var error = Assert.Throws<JsonPathSyntaxException>(() => ReferencePath.Parse("$.a[*]"));

        Assert.Equal(3, error.Position);
    }
}
