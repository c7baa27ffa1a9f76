using System.Text.Json.Nodes;
using Sdc.States.Errors;
using Sdc.States.Execution;
using Sdc.States.Mocks;
using Sdc.States.Tasks;
using Sdc.States.Time;

namespace Sdc.States.Tests.Mocks;

/// <summary>Executions whose Task states play a mock config's test case, as in Step Functions Local.</summary>
public sealed class MockTaskHandlerTests
{
    private static readonly JsonNode SqsResult = JsonNode.Parse(
        """{"MD5OfMessageBody":"3bcb6e8e-7h85-4375-b0bc-1a59812c6e51","MessageId":"3bcb6e8e-8b51-4375-b0bc-1a59812c6e51"}""")!;

    private static StateMachine AwsExampleMachine() =>
        StateMachine.Parse(File.ReadAllText(Path.Combine(MockConfigTests.Folder, "LambdaSQSIntegration.asl.json")));

    [Fact]
    public async Task RunAsync_AwsHappyPath_ReturnsTheMockedResults()
    {
        var testCase = MockConfigTests.AwsExample().TestCase("LambdaSQSIntegration", "HappyPath");
        var engine = MockTaskHandler.CreateEngine(AwsExampleMachine(), testCase, new EngineOptions { Clock = new VirtualStatesClock() });

        var execution = await engine.RunAsync(JsonNode.Parse("""{"who":"world"}"""));

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        JsonAssert.Equal(SqsResult, execution.Output);
        var lambdaResult = execution.History.Single(e => e.Type == "TaskSucceeded" && e.StateName == "LambdaState").Output;
        JsonAssert.Equal(JsonNode.Parse("""{"StatusCode":200,"Payload":{"StatusCode":200,"body":"Hello from Lambda!"}}"""), lambdaResult);
    }

    [Fact]
    public async Task RunAsync_AwsRetryPath_ThrowsPerRangeThenSucceedsOnTheFourthInvocation()
    {
        var clock = new VirtualStatesClock();
        var testCase = MockConfigTests.AwsExample().TestCase("LambdaSQSIntegration", "RetryPath");
        var engine = MockTaskHandler.CreateEngine(AwsExampleMachine(), testCase, new EngineOptions { Clock = clock });

        var execution = await engine.RunAsync(new JsonObject());

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        JsonAssert.Equal(SqsResult, execution.Output);
        Assert.Equal(
            ["Lambda.ResourceNotReadyException", "Lambda.TimeoutException", "Lambda.TimeoutException"],
            execution.History.Where(e => e.Type == "TaskFailed").Select(e => e.Error));
        Assert.Equal([2, 4, 8], clock.Delays.Select(d => d.TotalSeconds));
    }

    [Fact]
    public async Task RunAsync_ThrowMatchedByCatch_FollowsTheCatcher()
    {
        var machine = StateMachine.Parse("""
            {
              "StartAt": "Work",
              "States": {
                "Work": {
                  "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:work",
                  "Catch": [{ "ErrorEquals": ["Lambda.ResourceNotReadyException"], "ResultPath": "$.error", "Next": "Recover" }],
                  "End": true
                },
                "Recover": { "Type": "Pass", "End": true }
              }
            }
            """);
        var testCase = MockConfig.Load("""
            {
              "StateMachines": { "M": { "TestCases": { "Sad": { "Work": "NotReady" } } } },
              "MockedResponses": { "NotReady": { "0": { "Throw": { "Error": "Lambda.ResourceNotReadyException", "Cause": "Lambda resource is not ready." } } } }
            }
            """).TestCase("M", "Sad");
        var engine = MockTaskHandler.CreateEngine(machine, testCase, new EngineOptions { Clock = new VirtualStatesClock() });

        var execution = await engine.RunAsync(JsonNode.Parse("""{"id":7}"""));

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        JsonAssert.Equal(
            JsonNode.Parse("""{"id":7,"error":{"Error":"Lambda.ResourceNotReadyException","Cause":"Lambda resource is not ready."}}"""),
            execution.Output);
    }

    [Fact]
    public async Task RunAsync_UncaughtThrow_FailsTheExecutionWithTheMockedError()
    {
        var machine = StateMachine.Parse("""{"StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"arn:aws:states:::batch:submitJob.sync","End":true}}}""");
        var testCase = MockConfig.Load("""
            {"StateMachines":{"M":{"TestCases":{"T":{"Work":"Fails"}}}},
             "MockedResponses":{"Fails":{"0":{"Throw":{"Error":"Batch.JobFailed","Cause":"exit code 3"}}}}}
            """).TestCase("M", "T");
        var engine = MockTaskHandler.CreateEngine(machine, testCase, new EngineOptions { Clock = new VirtualStatesClock() });

        var execution = await engine.RunAsync(new JsonObject());

        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        Assert.Equal("Batch.JobFailed", execution.Error);
        Assert.Equal("exit code 3", execution.Cause);
    }

    [Fact]
    public async Task RunAsync_MoreInvocationsThanResponses_FailsWithStatesRuntimeThatNoCatchHides()
    {
        // Retries up to 5 times, but the response answers only invocations 0 and 1.
        var machine = StateMachine.Parse("""
            {
              "StartAt": "Work",
              "States": {
                "Work": {
                  "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:work",
                  "Retry": [{ "ErrorEquals": ["States.ALL"], "MaxAttempts": 5, "IntervalSeconds": 1 }],
                  "Catch": [{ "ErrorEquals": ["States.ALL"], "Next": "Recover" }],
                  "End": true
                },
                "Recover": { "Type": "Pass", "End": true }
              }
            }
            """);
        var testCase = MockConfig.Load("""
            {"StateMachines":{"M":{"TestCases":{"T":{"Work":"TwoFailures"}}}},
             "MockedResponses":{"TwoFailures":{"0-1":{"Throw":{"Error":"Lambda.TimeoutException","Cause":"slow"}}}}}
            """).TestCase("M", "T");
        var engine = MockTaskHandler.CreateEngine(machine, testCase, new EngineOptions { Clock = new VirtualStatesClock() });

        var execution = await engine.RunAsync(new JsonObject());

        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        Assert.Equal(StatesErrorNames.Runtime, execution.Error);
        Assert.Equal(
            "The Task state 'Work' was invoked 3 times, but mocked response 'TwoFailures' (test case 'T' of state machine 'M') answers only 2; add a key for invocation 2.",
            execution.Cause);
    }

    [Fact]
    public async Task RunAsync_StateEnteredAgainInALoop_CountsInvocationsAcrossEntries()
    {
        // Not the retry count: a loop's second entry into Poll is invocation 1, as in Step Functions Local.
        var machine = StateMachine.Parse("""
            {
              "StartAt": "Poll",
              "States": {
                "Poll": { "Type": "Task", "Resource": "arn:aws:states:::batch:describeJobs", "ResultPath": "$.job", "Next": "Done?" },
                "Done?": {
                  "Type": "Choice",
                  "Choices": [{ "Variable": "$.job.status", "StringEquals": "SUCCEEDED", "Next": "Finished" }],
                  "Default": "Poll"
                },
                "Finished": { "Type": "Pass", "InputPath": "$.job", "End": true }
              }
            }
            """);
        var testCase = MockConfig.Load("""
            {"StateMachines":{"M":{"TestCases":{"T":{"Poll":"Status"}}}},
             "MockedResponses":{"Status":{
               "0-1":{"Return":{"status":"RUNNING"}},
               "2":{"Return":{"status":"SUCCEEDED","attempt":3}}}}}
            """).TestCase("M", "T");
        var handler = new MockTaskHandler(testCase);
        var engine = new StateMachineEngine(machine, new EngineOptions
        {
            Clock = new VirtualStatesClock(),
            Resources = new TaskResourceRegistry().Register("*", handler),
        });

        var execution = await engine.RunAsync(new JsonObject(), "loop");

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        JsonAssert.Equal(JsonNode.Parse("""{"status":"SUCCEEDED","attempt":3}"""), execution.Output);
        Assert.Equal(3, handler.Invocations("loop", "Poll"));
    }

    [Fact]
    public async Task RunAsync_TwoExecutions_EachStartsAtInvocationZero()
    {
        var machine = StateMachine.Parse("""{"StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"arn:aws:lambda:::function:w","End":true}}}""");
        var testCase = MockConfig.Load("""{"StateMachines":{"M":{"TestCases":{"T":{"Work":"Once"}}}},"MockedResponses":{"Once":{"0":{"Return":"ok"}}}}""").TestCase("M", "T");
        var engine = MockTaskHandler.CreateEngine(machine, testCase, new EngineOptions { Clock = new VirtualStatesClock() });

        var first = await engine.RunAsync(new JsonObject(), "first");
        var second = await engine.RunAsync(new JsonObject(), "second");

        Assert.Equal(ExecutionStatus.Succeeded, first.Status);
        Assert.Equal(ExecutionStatus.Succeeded, second.Status);
        Assert.Equal("ok", second.Output!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_TaskInsideMap_IsMockedByItsStateName()
    {
        var machine = StateMachine.Parse("""
            {
              "StartAt": "Each",
              "States": {
                "Each": {
                  "Type": "Map", "MaxConcurrency": 1,
                  "ItemProcessor": { "StartAt": "Process", "States": { "Process": { "Type": "Task", "Resource": "arn:aws:lambda:::function:p", "End": true } } },
                  "End": true
                }
              }
            }
            """);
        var testCase = MockConfig.Load("""
            {"StateMachines":{"M":{"TestCases":{"T":{"Process":"Numbers"}}}},
             "MockedResponses":{"Numbers":{"0":{"Return":10},"1-2":{"Return":20}}}}
            """).TestCase("M", "T");
        var engine = MockTaskHandler.CreateEngine(machine, testCase, new EngineOptions { Clock = new VirtualStatesClock() });

        var execution = await engine.RunAsync(JsonNode.Parse("[1,2,3]"));

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        JsonAssert.Equal(JsonNode.Parse("[10,20,20]"), execution.Output);
    }

    [Fact]
    public async Task RunAsync_WaitForTaskToken_CompletesWithTheMockedResult()
    {
        var machine = StateMachine.Parse("""
            {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
              "Parameters":{"QueueUrl":"q","MessageBody":{"token.$":"$$.Task.Token"}},"HeartbeatSeconds":60,"End":true}}}
            """);
        var testCase = MockConfig.Load("""{"StateMachines":{"M":{"TestCases":{"T":{"Ask":"Approved"}}}},"MockedResponses":{"Approved":{"0":{"Return":{"approved":true}}}}}""")
            .TestCase("M", "T");
        var engine = MockTaskHandler.CreateEngine(machine, testCase, new EngineOptions { Clock = new VirtualStatesClock() });

        var execution = await engine.RunAsync(new JsonObject()).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        JsonAssert.Equal(JsonNode.Parse("""{"approved":true}"""), execution.Output);
    }

    [Fact]
    public void MissingMocks_AwsHybridPath_ListsTheUnmockedTaskState()
    {
        var testCase = MockConfigTests.AwsExample().TestCase("LambdaSQSIntegration", "HybridPath");

        Assert.Equal([("SQSState", "arn:aws:states:::sqs:sendMessage")], testCase.MissingMocks(AwsExampleMachine()));
    }

    [Fact]
    public void CreateEngine_StateWithoutMockAndNoRealHandler_ThrowsNamingStateAndTestCase()
    {
        var testCase = MockConfigTests.AwsExample().TestCase("LambdaSQSIntegration", "HybridPath");

        var error = Assert.Throws<ArgumentException>(() => MockTaskHandler.CreateEngine(AwsExampleMachine(), testCase, new EngineOptions()));

        Assert.Equal(
            "Test case 'HybridPath' of state machine 'LambdaSQSIntegration' has no mocked response for these Task states: 'SQSState' (arn:aws:states:::sqs:sendMessage)",
            error.Message);
    }

    [Fact]
    public async Task CreateEngine_AwsHybridPathWithARealHandler_RunsTheUnmockedStateOnIt()
    {
        var sqs = new ScriptedTaskHandler().Return("SQSState", JsonNode.Parse("""{"MessageId":"real"}"""));
        var testCase = MockConfigTests.AwsExample().TestCase("LambdaSQSIntegration", "HybridPath");
        var engine = MockTaskHandler.CreateEngine(AwsExampleMachine(), testCase, new EngineOptions
        {
            Clock = new VirtualStatesClock(),
            Resources = new TaskResourceRegistry().Register("arn:aws:states:::sqs:sendMessage", sqs),
        });

        var execution = await engine.RunAsync(new JsonObject());

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        JsonAssert.Equal(JsonNode.Parse("""{"MessageId":"real"}"""), execution.Output);
        // The real handler got the mocked Lambda result as its MessageBody.
        JsonAssert.Equal(JsonNode.Parse("""{"StatusCode":200,"body":"Hello from Lambda!"}"""), sqs.Inputs["SQSState"][0]!["MessageBody"]!["Payload"]);
    }

    [Fact]
    public async Task InvokeAsync_StateNotInTheTestCase_FailsTheExecutionNamingStateAndTestCase()
    {
        // Without CreateEngine's check the gap shows at run time, as States.Runtime.
        var testCase = MockConfigTests.AwsExample().TestCase("LambdaSQSIntegration", "HybridPath");
        var engine = new StateMachineEngine(AwsExampleMachine(), new EngineOptions
        {
            Clock = new VirtualStatesClock(),
            Resources = new TaskResourceRegistry().Register("*", new MockTaskHandler(testCase)),
        });

        var execution = await engine.RunAsync(new JsonObject());

        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        Assert.Equal(StatesErrorNames.Runtime, execution.Error);
        Assert.Equal("The Task state 'SQSState' has no mocked response in test case 'HybridPath' of state machine 'LambdaSQSIntegration'.", execution.Cause);
    }

    [Fact]
    public void UnknownStates_MisspeltStateName_IsListed()
    {
        var testCase = MockConfig.Load("""
            {"StateMachines":{"LambdaSQSIntegration":{"TestCases":{"T":{"LambdaState":"R","SqsState":"R"}}}},
             "MockedResponses":{"R":{"0":{"Return":{}}}}}
            """).TestCase("LambdaSQSIntegration", "T");

        Assert.Equal(["SqsState"], testCase.UnknownStates(AwsExampleMachine()));
        Assert.Equal(["SQSState"], testCase.MissingMocks(AwsExampleMachine()).Select(m => m.State));
    }

    [Fact]
    public async Task InvokeAsync_ReturnedValue_IsACopyEachTime()
    {
        var testCase = MockConfig.Load("""{"StateMachines":{"M":{"TestCases":{"T":{"S":"R"}}}},"MockedResponses":{"R":{"0-1":{"Return":{"n":1}}}}}""").TestCase("M", "T");
        var handler = new MockTaskHandler(testCase);
        var invocation = new TaskInvocation("arn:r", null, "S", "e", null, 0, null);

        var first = await handler.InvokeAsync(invocation, CancellationToken.None);
        first!["n"] = 99;
        var second = await handler.InvokeAsync(invocation, CancellationToken.None);

        Assert.Equal(1, second!["n"]!.GetValue<int>());
    }
}
