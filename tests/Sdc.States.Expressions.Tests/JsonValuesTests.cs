using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Tests;

public class JsonValuesTests
{
    [Theory]
    [InlineData("1", "1.0", true)]
    [InlineData("1e2", "100", true)]
    [InlineData("0.1", "0.10", true)]
    [InlineData("1", "2", false)]
    [InlineData("1", "\"1\"", false)]
    [InlineData("{\"a\":1,\"b\":[1,{}]}", "{\"b\":[1.0,{}],\"a\":1}", true)]
    [InlineData("[1,2]", "[2,1]", false)]
    [InlineData("null", "{}", false)]
    [InlineData("true", "true", true)]
    public void DeepEquals_Values_ComparesByValue(string left, string right, bool equal)
    {
        var l = JsonNode.Parse(left);
        var r = JsonNode.Parse(right);

        Assert.Equal(equal, JsonValues.DeepEquals(l, r));
        if (equal)
        {
            Assert.Equal(JsonValues.GetDeepHashCode(l), JsonValues.GetDeepHashCode(r));
        }
    }

    [Fact]
    public void CompareNumbers_IntegerAndFloat_OrdersByValue()
    {
        Assert.True(JsonValues.CompareNumbers(JsonValue.Create(2), JsonNode.Parse("1.5")!) > 0);
        Assert.Equal(0, JsonValues.CompareNumbers(JsonValue.Create(3L), JsonNode.Parse("3.0")!));
        Assert.True(JsonValues.CompareNumbers(JsonNode.Parse("1e300")!, JsonValue.Create(5)) > 0);
    }

    [Fact]
    public void ToJson_NonAsciiAndHtml_AreWrittenAsIs()
    {
        Assert.Equal("{\"s\":\"<é & 'x'>\"}", JsonValues.ToJson(new JsonObject { ["s"] = "<é & 'x'>" }));
        Assert.Equal("null", JsonValues.ToJson(null));
    }

    [Fact]
    public void TryGetInt64_IntegralFloat_Succeeds()
    {
        Assert.True(JsonValues.TryGetInt64(JsonNode.Parse("3.0"), out var value));
        Assert.Equal(3, value);
        Assert.False(JsonValues.TryGetInt64(JsonNode.Parse("3.5"), out _));
        Assert.False(JsonValues.TryGetInt64(JsonValue.Create("3"), out _));
    }
}
