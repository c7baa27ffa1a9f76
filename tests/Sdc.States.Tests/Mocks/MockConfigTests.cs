using System.Text.Json.Nodes;
using Sdc.States.Mocks;

namespace Sdc.States.Tests.Mocks;

/// <summary>Loading Step Functions Local mock configs: the AWS guide's example, and every kind of mistake reported with where it is.</summary>
public sealed class MockConfigTests
{
    internal static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "mocks");

    internal static MockConfig AwsExample() => MockConfig.Load(File.ReadAllText(Path.Combine(Folder, "MockConfigFile.json")));

    [Fact]
    public void Load_AwsGuideExample_ReadsStateMachinesTestCasesAndResponses()
    {
        var config = AwsExample();

        Assert.Equal(["LambdaSQSIntegration"], config.StateMachineNames);
        Assert.Equal(["HappyPath", "RetryPath", "HybridPath"], config.TestCaseNames("LambdaSQSIntegration"));
        Assert.Equal(4, config.MockedResponses.Count);
        var hybrid = config.TestCase("LambdaSQSIntegration", "HybridPath");
        Assert.Equal("HybridPath", hybrid.Name);
        Assert.Equal("LambdaSQSIntegration", hybrid.StateMachineName);
        Assert.Equal(["LambdaState"], hybrid.States.Keys);
        Assert.Equal("MockedLambdaSuccess", hybrid.States["LambdaState"].Name);
    }

    [Fact]
    public void Load_AwsGuideExample_ReadsRangesInInvocationOrder()
    {
        var retry = AwsExample().MockedResponses["MockedLambdaRetry"];

        Assert.Equal([("0", 0, 0), ("1-2", 1, 2), ("3", 3, 3)], retry.Ranges.Select(r => (r.Key, r.First, r.Last)));
        Assert.Equal(4, retry.InvocationCount);
        Assert.Equal(new MockedOutcome.Throws("Lambda.ResourceNotReadyException", "Lambda resource is not ready."), retry.Ranges[0].Outcome);
        var returned = Assert.IsType<MockedOutcome.Returns>(retry.Ranges[2].Outcome);
        JsonAssert.Equal(JsonNode.Parse("""{"StatusCode":200,"Payload":{"StatusCode":200,"body":"Hello from Lambda!"}}"""), returned.Value);
    }

    [Theory]
    [InlineData(0, "Lambda.ResourceNotReadyException")]
    [InlineData(1, "Lambda.TimeoutException")]
    [InlineData(2, "Lambda.TimeoutException")]
    [InlineData(3, null)]
    public void ForInvocation_WithinRanges_SelectsTheRangeCoveringIt(int invocation, string? error)
    {
        var outcome = AwsExample().MockedResponses["MockedLambdaRetry"].ForInvocation(invocation);

        if (error is null)
        {
            Assert.IsType<MockedOutcome.Returns>(outcome);
        }
        else
        {
            Assert.Equal(error, Assert.IsType<MockedOutcome.Throws>(outcome).Error);
        }
    }

    [Fact]
    public void ForInvocation_PastTheLastRange_IsNull()
    {
        // Step Functions Local fails the execution when an invocation has no response; it does not repeat the last one.
        Assert.Null(AwsExample().MockedResponses["MockedLambdaRetry"].ForInvocation(4));
    }

    [Fact]
    public void Load_ReturnNull_IsAResultOfNull()
    {
        var config = MockConfig.Load("""{"StateMachines":{},"MockedResponses":{"R":{"0":{"Return":null}}}}""");

        Assert.Equal(new MockedOutcome.Returns(null), config.MockedResponses["R"].ForInvocation(0));
    }

    [Fact]
    public void Load_ThrowWithoutCause_HasNullCause()
    {
        var config = MockConfig.Load("""{"StateMachines":{},"MockedResponses":{"R":{"0":{"Throw":{"Error":"Custom.Error"}}}}}""");

        Assert.Equal(new MockedOutcome.Throws("Custom.Error", null), config.MockedResponses["R"].ForInvocation(0));
    }

    public static TheoryData<string> InvalidCases()
    {
        var data = new TheoryData<string>();
        foreach (var item in InvalidFixtures())
        {
            data.Add(item["name"]!.GetValue<string>());
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Load_InvalidConfig_ReportsEveryProblemWithItsLocation(string name)
    {
        var fixture = InvalidFixtures().Single(c => c["name"]!.GetValue<string>() == name);

        var error = Assert.Throws<MockConfigException>(() => MockConfig.Load(fixture["config"]!.ToJsonString()));

        var reported = error.Problems.Select(p => p.ToString()).ToList();
        foreach (var expected in fixture["problems"]!.AsArray().Select(p => p!.GetValue<string>()))
        {
            Assert.True(reported.Any(r => r.Contains(expected, StringComparison.Ordinal)),
                $"expected a problem containing:\n  {expected}\nreported:\n  {string.Join("\n  ", reported)}");
        }
        if (fixture["exactly"] is { } exactly)
        {
            Assert.Equal(exactly.GetValue<int>(), reported.Count);
        }
        Assert.All(reported, r => Assert.Contains(r, error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_NotJson_ReportsLineAndPosition()
    {
        var error = Assert.Throws<MockConfigException>(() => MockConfig.Load("{\n  \"StateMachines\": {},\n  \"MockedResponses\": {\n}"));

        Assert.Contains("not valid JSON at line 4", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateKey_IsReported()
    {
        var error = Assert.Throws<MockConfigException>(() =>
            MockConfig.Load("""{"StateMachines":{},"MockedResponses":{"R":{"0":{"Return":1}},"R":{"0":{"Return":2}}}}"""));

        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CommentsInFile_AreAllowed()
    {
        var config = MockConfig.Load("""
            // Step Functions Local reads the file as it is; people annotate theirs.
            {"StateMachines":{},"MockedResponses":{"R":{"0":{"Return":1}}}}
            """);

        Assert.Single(config.MockedResponses);
    }

    [Fact]
    public void TestCase_UnknownStateMachine_ThrowsNamingTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => AwsExample().TestCase("Other", "HappyPath"));

        Assert.Equal("The mock config has no state machine 'Other'; it has 'LambdaSQSIntegration'.", error.Message);
    }

    [Fact]
    public void TestCase_UnknownTestCase_ThrowsNamingTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => AwsExample().TestCase("LambdaSQSIntegration", "SadPath"));

        Assert.Equal(
            "State machine 'LambdaSQSIntegration' has no test case 'SadPath' in the mock config; it has 'HappyPath', 'RetryPath', 'HybridPath'.",
            error.Message);
    }

    private static IEnumerable<JsonObject> InvalidFixtures() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "invalid-configs.json")))!.AsArray().Select(c => c!.AsObject());
}
