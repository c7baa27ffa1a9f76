using System.Text.Json.Nodes;
using Sdc.States.Errors;

namespace Sdc.States.Expressions.Tests.Conformance;

/// <summary>
/// A deliberately tiny test harness, not an interpreter: it runs a recorded case only when the
/// outcome depends on nothing but this layer — Pass, Task (mocked), Fail and Succeed states in
/// a line, and inline Map states over such lines — with no Retry or Catch, no task failures and
/// no Choice, Parallel or Wait. Everything else (error handling, control flow) belongs to the
/// engine and its own conformance tests.
/// </summary>
internal sealed class LinearRunner(ConformanceCase testCase)
{
    private static readonly HashSet<string> SupportedTypes = ["Pass", "Task", "Fail", "Succeed", "Map"];

    private readonly JsonObject _taskResults = testCase.Document["taskResults"]?.AsObject() ?? [];

    public Dictionary<string, JsonNode?> TaskInputs { get; } = [];

    public static bool CanRun(ConformanceCase testCase, out string reason)
    {
        if (testCase.Document.ContainsKey("taskFailures"))
        {
            reason = "task failures exercise Retry/Catch";
            return false;
        }

        return CanRunMachine(testCase.Definition, out reason);
    }

    /// <summary>Runs the machine; a failure comes back as the <see cref="StatesException"/> thrown.</summary>
    public JsonNode? Run()
    {
        var context = new JsonObject
        {
            ["Execution"] = new JsonObject
            {
                ["Id"] = "arn:aws:states:us-east-1:111111111111:execution:conformance:run",
                ["Input"] = testCase.Input?.DeepClone(),
                ["Name"] = "run",
                ["StartTime"] = "2024-01-01T00:00:00.000Z",
            },
            ["StateMachine"] = new JsonObject { ["Id"] = "arn:aws:states:us-east-1:111111111111:stateMachine:conformance", ["Name"] = "conformance" },
        };
        return RunMachine(testCase.Definition, testCase.Input?.DeepClone(), context);
    }

    private static bool CanRunMachine(JsonObject machine, out string reason)
    {
        foreach (var (name, node) in machine["States"]!.AsObject())
        {
            var state = node!.AsObject();
            var type = state["Type"]!.GetValue<string>();
            if (!SupportedTypes.Contains(type))
            {
                reason = $"state '{name}' is a {type}";
                return false;
            }

            if (state.ContainsKey("Retry") || state.ContainsKey("Catch"))
            {
                reason = $"state '{name}' has Retry or Catch";
                return false;
            }

            if (type == "Map")
            {
                if (state.ContainsKey("MaxConcurrencyPath") || state.ContainsKey("ItemReader") || state.ContainsKey("ToleratedFailureCount"))
                {
                    reason = $"state '{name}' uses Map features beyond item selection";
                    return false;
                }

                var processor = (state["ItemProcessor"] ?? state["Iterator"])!.AsObject();
                if (!CanRunMachine(processor, out reason))
                {
                    return false;
                }
            }
        }

        reason = string.Empty;
        return true;
    }

    private JsonNode? RunMachine(JsonObject machine, JsonNode? input, JsonObject context)
    {
        var states = machine["States"]!.AsObject();
        var name = machine["StartAt"]!.GetValue<string>();
        var data = input;
        while (true)
        {
            var state = states[name]!.AsObject();
            context["State"] = new JsonObject { ["Name"] = name, ["EnteredTime"] = "2024-01-01T00:00:00.000Z", ["RetryCount"] = 0 };
            data = RunState(name, state, data, context);
            if (state["Type"]!.GetValue<string>() == "Succeed" || state["End"]?.GetValue<bool>() == true)
            {
                return data;
            }

            name = state["Next"]!.GetValue<string>();
        }
    }

    private JsonNode? RunState(string name, JsonObject state, JsonNode? data, JsonObject context)
    {
        var type = state["Type"]!.GetValue<string>();
        var effective = ApplyPath(state, "InputPath", data);
        if (type == "Fail")
        {
            throw new StatesException(
                Resolve(state, "Error", "ErrorPath", effective, context) ?? "States.Fail",
                Resolve(state, "Cause", "CausePath", effective, context));
        }

        if (type == "Succeed")
        {
            return ApplyPath(state, "OutputPath", effective);
        }

        if (type != "Map" && state["Parameters"] is { } parameters)
        {
            effective = PayloadTemplate.Compile(parameters).Evaluate(effective, context);
        }

        JsonNode? result = type switch
        {
            "Pass" => state.TryGetPropertyValue("Result", out var fixedResult) ? fixedResult?.DeepClone() : effective,
            "Task" => RunTask(name, effective),
            _ => RunMap(state, effective, context),
        };

        if (state["ResultSelector"] is { } selector)
        {
            result = PayloadTemplate.Compile(selector).Evaluate(result, context);
        }

        JsonNode? output;
        if (!state.TryGetPropertyValue("ResultPath", out var resultPath))
        {
            output = result;
        }
        else if (resultPath is null)
        {
            output = data;
        }
        else
        {
            output = ReferencePath.Parse(resultPath.GetValue<string>()).Apply(data, result);
        }

        return ApplyPath(state, "OutputPath", output);
    }

    private JsonNode? RunTask(string name, JsonNode? effective)
    {
        TaskInputs[name] = effective?.DeepClone();
        return _taskResults[name]?.DeepClone();
    }

    private JsonArray RunMap(JsonObject state, JsonNode? effective, JsonObject context)
    {
        var items = state["ItemsPath"] is { } itemsPath ? JsonPath.Parse(itemsPath.GetValue<string>()).Evaluate(effective) : effective;
        var selector = state["ItemSelector"] ?? state["Parameters"];
        var compiled = selector is null ? null : PayloadTemplate.Compile(selector);
        var processor = (state["ItemProcessor"] ?? state["Iterator"])!.AsObject();
        var results = new JsonArray();
        var array = items as JsonArray ?? throw new StatesRuntimeException("ItemsPath must select an array");
        for (var i = 0; i < array.Count; i++)
        {
            var itemContext = (JsonObject)context.DeepClone();
            itemContext["Map"] = new JsonObject { ["Item"] = new JsonObject { ["Index"] = i, ["Value"] = array[i]?.DeepClone() } };
            var itemInput = compiled is null ? array[i]?.DeepClone() : compiled.Evaluate(effective, itemContext);
            results.Add(RunMachine(processor, itemInput, itemContext));
        }

        return results;
    }

    /// <summary>InputPath / OutputPath: absent means $, null means {}.</summary>
    private static JsonNode? ApplyPath(JsonObject state, string field, JsonNode? data)
    {
        if (!state.TryGetPropertyValue(field, out var path))
        {
            return data;
        }

        return path is null ? new JsonObject() : JsonPath.Parse(path.GetValue<string>()).Evaluate(data);
    }

    /// <summary>A Fail state's Error/Cause, or ErrorPath/CausePath holding a path or an intrinsic.</summary>
    private static string? Resolve(JsonObject state, string field, string pathField, JsonNode? data, JsonObject context)
    {
        if (state[field] is { } literal)
        {
            return literal.GetValue<string>();
        }

        if (state[pathField] is not { } expression)
        {
            return null;
        }

        var text = expression.GetValue<string>();
        var value = IntrinsicExpression.IsIntrinsicCall(text)
            ? IntrinsicExpression.Parse(text).Evaluate(data, context)
            : JsonPath.Parse(text).Evaluate(JsonPath.IsContextPath(text) ? context : data);
        return JsonValues.TryGetString(value, out var s) ? s : throw new StatesRuntimeException($"{pathField} must select a string");
    }
}
