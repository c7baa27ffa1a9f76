using System.Text.Json.Nodes;
using Sdc.States.Errors;

namespace Sdc.States.Expressions.Tests;

public class IntrinsicExpressionTests
{
    private static readonly JsonObject Empty = [];

    [Fact]
    public void MathRandom_InjectedGenerator_IsDeterministicAndInRange()
    {
        var first = IntrinsicExpression.Parse("States.MathRandom(1, 999)", IntrinsicFunctionRegistry.Create(new Random(42)));
        var second = IntrinsicExpression.Parse("States.MathRandom(1, 999)", IntrinsicFunctionRegistry.Create(new Random(42)));

        for (var i = 0; i < 50; i++)
        {
            var a = first.Evaluate(Empty, null)!.GetValue<long>();
            var b = second.Evaluate(Empty, null)!.GetValue<long>();
            Assert.Equal(a, b);
            Assert.InRange(a, 1, 998);
        }
    }

    [Fact]
    public void MathRandom_Seed_GivesTheSameNumberEveryTime()
    {
        var expression = IntrinsicExpression.Parse("States.MathRandom($.start, $.end, 7)");
        var input = JsonNode.Parse("""{"start":0,"end":1000000}""");

        var values = Enumerable.Range(0, 5).Select(_ => expression.Evaluate(input, null)!.GetValue<long>()).Distinct().ToList();

        Assert.Single(values);
    }

    [Fact]
    public void MathRandom_RangeOfOne_AlwaysGivesStart()
    {
        var expression = IntrinsicExpression.Parse("States.MathRandom(12.50, 13.5)");

        Assert.Equal(13, expression.Evaluate(Empty, null)!.GetValue<long>());
    }

    [Fact]
    public void Uuid_InjectedGenerator_IsUsed()
    {
        var uuid = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        var expression = IntrinsicExpression.Parse("States.UUID()", IntrinsicFunctionRegistry.Create(newUuid: () => uuid));

        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", expression.Evaluate(Empty, null)!.GetValue<string>());
    }

    [Fact]
    public void Uuid_DefaultGenerator_GivesDistinctVersion4Uuids()
    {
        var expression = IntrinsicExpression.Parse("States.UUID()");

        var a = expression.Evaluate(Empty, null)!.GetValue<string>();
        var b = expression.Evaluate(Empty, null)!.GetValue<string>();

        Assert.NotEqual(a, b);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", a);
    }

    [Fact]
    public void ArrayRange_ExactlyOneThousandItems_IsAllowed()
    {
        var result = IntrinsicExpression.Parse("States.ArrayRange(1, 1000, 1)").Evaluate(Empty, null);

        Assert.Equal(1000, result!.AsArray().Count);
    }

    [Fact]
    public void Base64Encode_MoreThanTenThousandCharacters_FailsWithIntrinsicFailure()
    {
        var input = new JsonObject { ["s"] = new string('a', 10_001) };
        var ok = new JsonObject { ["s"] = new string('a', 10_000) };
        var expression = IntrinsicExpression.Parse("States.Base64Encode($.s)");

        Assert.NotNull(expression.Evaluate(ok, null));
        var error = Assert.Throws<StatesIntrinsicFailureException>(() => expression.Evaluate(input, null));
        Assert.Contains("10000", error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_MoreThanTenThousandCharacters_FailsWithIntrinsicFailure()
    {
        var input = new JsonObject { ["s"] = new string('a', 10_001) };

        Assert.Throws<StatesIntrinsicFailureException>(() => IntrinsicExpression.Parse("States.Hash($.s, 'MD5')").Evaluate(input, null));
    }

    [Fact]
    public void Parse_ElevenNestedCalls_IsRejected()
    {
        var ten = "States.Array(States.Array(States.Array(States.Array(States.Array(States.Array(States.Array(States.Array(States.Array(States.Array(1))))))))))";
        var eleven = "States.Array(" + ten + ")";

        Assert.NotNull(IntrinsicExpression.Parse(ten).Evaluate(Empty, null));
        var error = Assert.Throws<IntrinsicSyntaxException>(() => IntrinsicExpression.Parse(eleven));
        Assert.Contains("10", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ResultEmbeddingInput_DoesNotShareNodesWithInput()
    {
        var input = JsonNode.Parse("""{"a":{"x":[1]},"b":{"y":2}}""");
        var expression = IntrinsicExpression.Parse("States.Array($.a, States.ArrayGetItem(States.Array($.b), 0), States.JsonMerge($.a, $.b, false))");

        var result = expression.Evaluate(input, null)!.AsArray();
        result[0]!["x"]!.AsArray().Add(2);
        result[1]!["y"] = 3;
        result[2]!["x"]!.AsArray().Add(4);

        Assert.Equal("""{"a":{"x":[1]},"b":{"y":2}}""", JsonValues.ToJson(input));
    }

    [Fact]
    public void Evaluate_LiteralArguments_CanBeEvaluatedRepeatedly()
    {
        var expression = IntrinsicExpression.Parse("States.Array('a', 1, States.StringToJson('{\"k\":[1]}'))");

        var first = expression.Evaluate(Empty, null);
        var second = expression.Evaluate(Empty, null);

        Assert.Equal("""["a",1,{"k":[1]}]""", JsonValues.ToJson(first));
        Assert.Equal(JsonValues.ToJson(first), JsonValues.ToJson(second));
    }

    [Fact]
    public void Evaluate_MissingPathArgument_ThrowsStatesRuntimeNamingThePath()
    {
        var error = Assert.Throws<StatesRuntimeException>(
            () => IntrinsicExpression.Parse("States.Format('{}', $.missing)").Evaluate(JsonNode.Parse("""{"a":1}"""), null));

        Assert.Equal("The JsonPath argument for the field '$.missing' could not be found in the input '{\"a\":1}'", error.Cause);
    }

    [Fact]
    public void Evaluate_WrongArgumentType_NamesFunctionAndArgument()
    {
        var error = Assert.Throws<StatesIntrinsicFailureException>(
            () => IntrinsicExpression.Parse("States.StringSplit($.a, ',')").Evaluate(JsonNode.Parse("""{"a":[1]}"""), null));

        Assert.Equal(StatesErrorNames.IntrinsicFailure, error.Error);
        Assert.StartsWith("States.StringSplit: argument 1 (text) must be a string, but was an array", error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionName_Parsed_IsTheOutermostCall()
    {
        Assert.Equal("States.Format", IntrinsicExpression.Parse("States.Format('{}', States.Array())").FunctionName);
    }

    [Fact]
    public void Registry_Default_HasEveryAwsIntrinsic()
    {
        string[] expected =
        [
            "States.Format", "States.StringToJson", "States.JsonToString", "States.Array", "States.ArrayPartition",
            "States.ArrayContains", "States.ArrayRange", "States.ArrayGetItem", "States.ArrayLength", "States.ArrayUnique",
            "States.Base64Encode", "States.Base64Decode", "States.Hash", "States.JsonMerge", "States.MathRandom",
            "States.MathAdd", "States.StringSplit", "States.UUID",
        ];

        Assert.Equal(expected.Order(StringComparer.Ordinal), IntrinsicFunctionRegistry.Default.Names.Order(StringComparer.Ordinal));
    }
}
