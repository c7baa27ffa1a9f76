using System.Text.Json.Nodes;

namespace Sdc.States.Validation.Tests;

/// <summary>What a problem carries (state, path, message) and what the options change; the rules themselves are in the fixtures.</summary>
public class StateMachineValidatorTests
{
    private const string Lambda = "arn:aws:lambda:us-east-1:123456789012:function:Work";

    [Fact]
    public void Validate_DefinitionNotAnObject_ReportsNotAnObject()
    {
        var problems = StateMachineValidator.Validate(JsonNode.Parse("[1, 2]"), ValidationOptions.Default);

        var problem = Assert.Single(problems);
        Assert.Equal(ProblemCodes.NotAnObject, problem.Code);
        Assert.Null(problem.StateName);
    }

    [Fact]
    public void Validate_JsonNull_ReportsNotAnObject()
    {
        var problem = Assert.Single(StateMachineValidator.Validate(null, ValidationOptions.Default));

        Assert.Equal(ProblemCodes.NotAnObject, problem.Code);
    }

    [Fact]
    public void Validate_NullOptions_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => StateMachineValidator.Validate(new JsonObject(), null!));
    }

    [Fact]
    public void Validate_ProblemsInSeveralScopes_ReportsEachWithItsStateAndPath()
    {
        var definition = Parse($$"""
            {
              "StartAt": "Wait1",
              "States": {
                "Wait1": { "Type": "Wait", "Seconds": -1, "Next": "Fetch" },
                "Fetch": { "Type": "Task", "Resource": "{{Lambda}}", "Next": "Fan",
                           "Retry": [ { "ErrorEquals": ["Timeout"], "BackoffRate": 0.5 } ] },
                "Fan": { "Type": "Parallel", "End": true, "Branches": [
                  { "StartAt": "Inner", "States": { "Inner": { "Type": "Pass", "Next": "Wait1" }, "Last": { "Type": "Succeed" } } }
                ] }
              }
            }
            """);

        var problems = StateMachineValidator.Validate(definition, ValidationOptions.Default);

        Assert.Equal(
            [
                ("Wait1", "States.Wait1.Seconds", ProblemCodes.OutOfRange),
                ("Fetch", "States.Fetch.Retry[0].BackoffRate", ProblemCodes.OutOfRange),
                ("Inner", "States.Fan.Branches[0].States.Inner.Next", ProblemCodes.TransitionTargetNotFound),
                ("Last", "States.Fan.Branches[0].States.Last", ProblemCodes.UnreachableState),
            ],
            problems.Select(p => (p.StateName, p.Path, p.Code)).ToArray());
    }

    [Fact]
    public void Validate_MissingNext_MessageSaysWhatIsExpected()
    {
        var definition = Parse("""{ "StartAt": "A", "States": { "A": { "Type": "Pass" }, "B": { "Type": "Succeed" } } }""");

        var problem = StateMachineValidator.Validate(definition, ValidationOptions.Default).First(p => p.Code == ProblemCodes.MissingNext);

        Assert.Equal("A", problem.StateName);
        Assert.Contains("\"Next\"", problem.Message, StringComparison.Ordinal);
        Assert.Contains("\"End\": true", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownResource_NamesStateAndResource()
    {
        var definition = Parse("""{ "StartAt": "Archive", "States": { "Archive": { "Type": "Task", "Resource": "arn:aws:states:::s3:putObject", "End": true } } }""");
        var options = ValidationOptions.Default with { IsKnownResource = r => r == Lambda };

        var problem = Assert.Single(StateMachineValidator.Validate(definition, options));

        Assert.Equal(ProblemCodes.UnknownResource, problem.Code);
        Assert.Equal("Archive", problem.StateName);
        Assert.Equal("States.Archive.Resource", problem.Path);
        Assert.Contains("Archive", problem.Message, StringComparison.Ordinal);
        Assert.Contains("arn:aws:states:::s3:putObject", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoResourceRegistry_AcceptsAnyResource()
    {
        var definition = Parse("""{ "StartAt": "T", "States": { "T": { "Type": "Task", "Resource": "anything-at-all", "End": true } } }""");

        Assert.Empty(StateMachineValidator.Validate(definition, ValidationOptions.Default));
    }

    [Fact]
    public void Validate_JsonataStateWithoutSupport_ReportsUnsupportedOnThatState()
    {
        var definition = Parse("""
            { "StartAt": "A", "States": { "A": { "Type": "Pass", "QueryLanguage": "JSONata", "Output": "{% $states.input %}", "End": true } } }
            """);

        var problem = Assert.Single(StateMachineValidator.Validate(definition, ValidationOptions.Default));

        Assert.Equal((ProblemCodes.UnsupportedQueryLanguage, "A", "States.A.QueryLanguage"), (problem.Code, problem.StateName, problem.Path));
    }

    [Fact]
    public void Validate_JsonataStateWithSupport_ChecksJsonataFields()
    {
        var definition = Parse("""
            { "StartAt": "A", "States": { "A": { "Type": "Pass", "QueryLanguage": "JSONata", "Output": "{% $states.input %}", "InputPath": "$.x", "End": true } } }
            """);

        var problem = Assert.Single(StateMachineValidator.Validate(definition, ValidationOptions.Default with { JsonataSupported = true }));

        Assert.Equal((ProblemCodes.FieldNotAllowed, "States.A.InputPath"), (problem.Code, problem.Path));
    }

    [Fact]
    public void Validate_JsonPathStateInJsonataMachine_ReportsInvalidValue()
    {
        var definition = Parse("""
            { "QueryLanguage": "JSONata", "StartAt": "A", "States": { "A": { "Type": "Pass", "QueryLanguage": "JSONPath", "End": true } } }
            """);

        var problem = Assert.Single(StateMachineValidator.Validate(definition, ValidationOptions.Default with { JsonataSupported = true }));

        Assert.Equal((ProblemCodes.InvalidValue, "States.A.QueryLanguage"), (problem.Code, problem.Path));
    }

    [Fact]
    public void Validate_UnknownIntrinsicFunction_ReportsInvalidIntrinsic()
    {
        var definition = Parse("""{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Parameters": { "x.$": "States.NoSuchFunction($.a)" }, "End": true } } }""");

        var problem = Assert.Single(StateMachineValidator.Validate(definition, ValidationOptions.Default));

        Assert.Equal((ProblemCodes.InvalidIntrinsic, "States.A.Parameters.x.$"), (problem.Code, problem.Path));
    }

    [Fact]
    public void Validate_ContextPathInResultPath_ReportsInvalidReferencePath()
    {
        var definition = Parse("""{ "StartAt": "A", "States": { "A": { "Type": "Pass", "ResultPath": "$$.Execution.Id", "End": true } } }""");

        var problem = Assert.Single(StateMachineValidator.Validate(definition, ValidationOptions.Default));

        Assert.Equal(ProblemCodes.InvalidReferencePath, problem.Code);
    }

    [Fact]
    public void Validate_SameDefinitionTwice_ReportsTheSameProblems()
    {
        var definition = Parse("""{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Next": "A" } } }""");

        var first = StateMachineValidator.Validate(definition, ValidationOptions.Default);
        var second = StateMachineValidator.Validate(definition, ValidationOptions.Default);

        Assert.Equal(first, second);
        Assert.Equal(ProblemCodes.MissingTerminalState, Assert.Single(first).Code);
    }

    private static JsonNode Parse(string json) => JsonNode.Parse(json)!;
}
