using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Tests;

public class PayloadTemplateTests
{
    [Fact]
    public void Compile_TemplateChangedAfterwards_KeepsTheCompiledForm()
    {
        var template = JsonNode.Parse("""{"a.$":"$.x","b":{"c":1}}""");
        var compiled = PayloadTemplate.Compile(template);

        template!["b"]!["c"] = 2;
        template["a.$"] = "$.y";

        Assert.Equal("""{"a":"X","b":{"c":1}}""", JsonValues.ToJson(compiled.Evaluate(JsonNode.Parse("""{"x":"X","y":"Y"}"""), null)));
    }

    [Fact]
    public void Evaluate_ResultMutated_DoesNotAffectLaterEvaluationsOrInput()
    {
        var compiled = PayloadTemplate.Compile(JsonNode.Parse("""{"constant":{"list":[1]},"copy.$":"$.data"}"""));
        var input = JsonNode.Parse("""{"data":{"v":[1]}}""");

        var first = compiled.Evaluate(input, null);
        first!["constant"]!["list"]!.AsArray().Add(2);
        first["copy"]!["v"]!.AsArray().Add(2);
        var second = compiled.Evaluate(input, null);

        Assert.Equal("""{"constant":{"list":[1]},"copy":{"v":[1]}}""", JsonValues.ToJson(second));
        Assert.Equal("""{"data":{"v":[1]}}""", JsonValues.ToJson(input));
    }

    [Fact]
    public void Evaluate_ItemSelectorOverTenThousandItems_RunsWellWithinAMapBudget()
    {
        // A Map over 10,000 items must sustain >100k state transitions/s overall, so selecting one
        // item's payload must cost a few microseconds. The bound is loose to stay reliable on a
        // busy machine; it still fails if evaluation reparses or copies the whole input per item.
        var compiled = PayloadTemplate.Compile(JsonNode.Parse(
            """{"index.$":"$$.Map.Item.Index","value.$":"$$.Map.Item.Value","partner.$":"$.detail.partner","key.$":"States.Format('{}-{}', $.detail.partner, $$.Map.Item.Index)","constant":"c"}"""));
        var items = new JsonArray();
        for (var i = 0; i < 10_000; i++)
        {
            items.Add(new JsonObject { ["id"] = i, ["name"] = $"item-{i}" });
        }

        var input = new JsonObject { ["detail"] = new JsonObject { ["partner"] = "UQS", ["items"] = items } };
        var item = new JsonObject { ["Index"] = 0, ["Value"] = null };
        var context = new JsonObject { ["Map"] = new JsonObject { ["Item"] = item } };

        var stopwatch = Stopwatch.StartNew();
        JsonNode? last = null;
        for (var i = 0; i < items.Count; i++)
        {
            item["Index"] = i;
            item["Value"] = items[i]!.DeepClone();
            last = compiled.Evaluate(input, context);
        }

        stopwatch.Stop();
        Assert.Equal("UQS-9999", last!["key"]!.GetValue<string>());
        Assert.True(stopwatch.ElapsedMilliseconds < 2_000, $"10,000 evaluations took {stopwatch.ElapsedMilliseconds} ms");
    }
}
