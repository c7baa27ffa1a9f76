using System.Text.Json.Nodes;
using Sdc.States.Errors;
using Sdc.States.Expressions.Tests.Support;
using Xunit.Abstractions;

namespace Sdc.States.Expressions.Tests.Conformance;

/// <summary>
/// Checks this layer against the AWS-recorded executions in shared/asl-conformance (read in place,
/// never copied): every expression in every case must parse, and every case whose outcome depends
/// only on this layer must reproduce the recorded output, task inputs, error name and cause.
/// </summary>
public class ConformanceTests(ITestOutputHelper output)
{
    public static TheoryData<string> AllFiles()
    {
        var data = new TheoryData<string>();
        foreach (var testCase in ConformanceCase.All())
        {
            data.Add(testCase.FileName);
        }

        return data;
    }

    public static TheoryData<string> IsolatedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var testCase in ConformanceCase.All())
        {
            if (LinearRunner.CanRun(testCase, out _))
            {
                data.Add(testCase.FileName);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Expressions_EveryPathAndIntrinsicInCase_Parse(string fileName)
    {
        var testCase = ConformanceCase.Load(fileName);
        var expressions = new List<string>();
        CollectAndParse(testCase.Definition, expressions);
        output.WriteLine(string.Join(Environment.NewLine, expressions));
    }

    [Theory]
    [MemberData(nameof(IsolatedFiles))]
    public void Run_IsolatedCase_ReproducesRecordedOutcome(string fileName)
    {
        var testCase = ConformanceCase.Load(fileName);
        var runner = new LinearRunner(testCase);
        var document = testCase.Document;

        if (document["expectedError"] is { } expectedError)
        {
            var error = Assert.IsAssignableFrom<StatesException>(Record.Exception(() => runner.Run()));
            Assert.Equal(expectedError.GetValue<string>(), error.Error);
            if (document["expectedCause"] is { } expectedCause)
            {
                // AWS prefixes runtime causes with "An error occurred while executing the state
                // 'x' (entered at the event id #2). "; that part is the engine's.
                var recorded = expectedCause.GetValue<string>();
                Assert.True(
                    recorded == error.Cause || recorded.EndsWith(" " + error.Cause, StringComparison.Ordinal),
                    $"recorded cause '{recorded}' does not end with '{error.Cause}'");
            }
        }
        else
        {
            JsonAssert.Equal(document["expectedOutput"], runner.Run(), fileName);
        }

        if (document["expectedTaskInputs"] is JsonObject taskInputs)
        {
            foreach (var (state, expected) in taskInputs)
            {
                Assert.True(runner.TaskInputs.TryGetValue(state, out var actual), $"task '{state}' never ran");
                JsonAssert.Equal(expected, actual, $"input of task '{state}'");
            }
        }
    }

    [Fact]
    public void IsolatedCases_CoverEveryIntrinsicAndPathCase()
    {
        var all = ConformanceCase.All().ToList();
        var isolated = new List<string>();
        foreach (var testCase in all)
        {
            if (LinearRunner.CanRun(testCase, out var reason))
            {
                isolated.Add(testCase.FileName);
            }
            else
            {
                output.WriteLine($"engine-level, not run here: {testCase.FileName} ({reason})");
            }
        }

        Assert.True(all.Count >= 61, $"expected the 61 recorded cases, found {all.Count} in {ConformanceCase.Directory}");
        foreach (var testCase in all.Where(c => c.FileName.StartsWith("ls-intrinsic-", StringComparison.Ordinal)
                     || c.FileName.StartsWith("ls-base-", StringComparison.Ordinal)
                     || c.FileName.StartsWith("spec-resultpath-", StringComparison.Ordinal)
                     || c.FileName.Contains("jsonpath", StringComparison.Ordinal)))
        {
            Assert.Contains(testCase.FileName, isolated);
        }

        Assert.True(isolated.Count >= 38, $"only {isolated.Count} cases isolated: {string.Join(", ", isolated)}");
    }

    /// <summary>Parses every path, reference path, payload template and intrinsic in a definition.</summary>
    private static void CollectAndParse(JsonObject machine, List<string> seen)
    {
        foreach (var (_, node) in machine["States"]!.AsObject())
        {
            var state = node!.AsObject();
            foreach (var field in new[] { "InputPath", "OutputPath", "ItemsPath", "SecondsPath", "TimestampPath", "MaxConcurrencyPath" })
            {
                if (state[field] is { } path)
                {
                    seen.Add(path.GetValue<string>());
                    JsonPath.Parse(path.GetValue<string>());
                }
            }

            foreach (var field in new[] { "ErrorPath", "CausePath" })
            {
                if (state[field] is { } expression)
                {
                    var text = expression.GetValue<string>();
                    seen.Add(text);
                    _ = IntrinsicExpression.IsIntrinsicCall(text) ? (object)IntrinsicExpression.Parse(text) : JsonPath.Parse(text);
                }
            }

            ParseResultPath(state, seen);
            foreach (var catcher in state["Catch"]?.AsArray() ?? [])
            {
                ParseResultPath(catcher!.AsObject(), seen);
            }

            foreach (var field in new[] { "Parameters", "ItemSelector", "ResultSelector" })
            {
                if (state[field] is { } template)
                {
                    CollectDynamicFields(template, seen);
                    PayloadTemplate.Compile(template);
                }
            }

            foreach (var choice in state["Choices"]?.AsArray() ?? [])
            {
                CollectVariables(choice!.AsObject(), seen);
            }

            foreach (var field in new[] { "ItemProcessor", "Iterator" })
            {
                if (state[field] is JsonObject processor)
                {
                    CollectAndParse(processor, seen);
                }
            }

            foreach (var branch in state["Branches"]?.AsArray() ?? [])
            {
                CollectAndParse(branch!.AsObject(), seen);
            }
        }
    }

    private static void ParseResultPath(JsonObject owner, List<string> seen)
    {
        if (owner["ResultPath"] is { } resultPath)
        {
            seen.Add(resultPath.GetValue<string>());
            ReferencePath.Parse(resultPath.GetValue<string>());
        }
    }

    private static void CollectVariables(JsonObject rule, List<string> seen)
    {
        if (rule["Variable"] is { } variable)
        {
            seen.Add(variable.GetValue<string>());
            JsonPath.Parse(variable.GetValue<string>());
        }

        foreach (var field in new[] { "And", "Or" })
        {
            foreach (var inner in rule[field]?.AsArray() ?? [])
            {
                CollectVariables(inner!.AsObject(), seen);
            }
        }

        if (rule["Not"] is JsonObject not)
        {
            CollectVariables(not, seen);
        }
    }

    private static void CollectDynamicFields(JsonNode? template, List<string> seen)
    {
        switch (template)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key.EndsWith(".$", StringComparison.Ordinal) && JsonValues.TryGetString(value, out var text))
                    {
                        seen.Add(text);
                    }
                    else
                    {
                        CollectDynamicFields(value, seen);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    CollectDynamicFields(item, seen);
                }

                break;
        }
    }
}
