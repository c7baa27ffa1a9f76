using System.Text.Json.Nodes;

namespace Sdc.Cli.Tests;

/// <summary>
/// <c>sdc states run</c> as a user runs it, on the AWS Step Functions Local guide's example
/// (definition and mock config kept with the interpreter's tests) and on small definitions written here.
/// </summary>
public sealed class StatesRunCommandTests
{
    private static readonly string Fixtures = Path.Combine(SdcProcess.RepositoryRoot, "tests", "Sdc.States.Tests", "Fixtures", "mocks");
    private static readonly string AwsDefinition = Path.Combine(Fixtures, "LambdaSQSIntegration.asl.json");
    private static readonly string AwsMockConfig = Path.Combine(Fixtures, "MockConfigFile.json");

    [Fact]
    public async Task StatesRun_AwsHappyPath_PrintsTheMockedOutputAndExitsZero()
    {
        using var dir = new TempDirectory();
        var input = await WriteAsync(dir, "input.json", """{"who":"world"}""");

        // The state machine name comes from the file name, LambdaSQSIntegration.asl.json.
        var result = await SdcProcess.RunAsync(dir.Path, null, "states", "run", AwsDefinition, "--input", input,
            "--mock-config", AwsMockConfig, "--test-case", "HappyPath");

        Assert.True(result.ExitCode == 0, result.ToString());
        var output = JsonNode.Parse(result.Stdout)!;
        Assert.Equal("3bcb6e8e-8b51-4375-b0bc-1a59812c6e51", output["MessageId"]!.GetValue<string>());
    }

    [Fact]
    public async Task StatesRun_AwsRetryPathOnVirtualTime_RetriesThroughTheRangesAtOnce()
    {
        using var dir = new TempDirectory();
        var started = DateTime.UtcNow;

        // Backoff 2 + 4 + 8 s in real time; instant on the virtual clock.
        var result = await SdcProcess.RunAsync(dir.Path, null, "states", "run", AwsDefinition,
            "--mock-config", AwsMockConfig, "--test-case", "RetryPath", "--state-machine", "LambdaSQSIntegration", "--virtual-time");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("3bcb6e8e-8b51-4375-b0bc-1a59812c6e51", JsonNode.Parse(result.Stdout)!["MessageId"]!.GetValue<string>());
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(12), "the virtual clock should not sleep 14 s of back-off");
    }

    [Fact]
    public async Task StatesRun_UncaughtMockedError_PrintsErrorAndCauseAndExitsOne()
    {
        using var dir = new TempDirectory();
        var definition = await WriteAsync(dir, "job.json",
            """{"StartAt":"Submit","States":{"Submit":{"Type":"Task","Resource":"arn:aws:states:::batch:submitJob.sync","End":true}}}""");
        var config = await WriteAsync(dir, "mocks.json", """
            {"StateMachines":{"job":{"TestCases":{"Fails":{"Submit":"JobFailed"}}}},
             "MockedResponses":{"JobFailed":{"0":{"Throw":{"Error":"Batch.JobFailed","Cause":"exit code 3"}}}}}
            """);

        var result = await SdcProcess.RunAsync(dir.Path, null, "states", "run", definition, "--mock-config", config, "--test-case", "Fails");

        Assert.True(result.ExitCode == 1, result.ToString());
        var failure = JsonNode.Parse(result.Stdout)!;
        Assert.Equal("Batch.JobFailed", failure["error"]!.GetValue<string>());
        Assert.Equal("exit code 3", failure["cause"]!.GetValue<string>());
    }

    [Fact]
    public async Task StatesRun_TaskDefinitionWithoutMockConfig_ExitsTwoNamingTheTaskStates()
    {
        using var dir = new TempDirectory();

        var result = await SdcProcess.RunAsync(dir.Path, null, "states", "run", AwsDefinition);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--mock-config", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("'LambdaState' (arn:aws:states:::lambda:invoke)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("'SQSState' (arn:aws:states:::sqs:sendMessage)", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task StatesRun_AwsHybridPath_ExitsTwoNamingTheUnmockedState()
    {
        using var dir = new TempDirectory();

        var result = await SdcProcess.RunAsync(dir.Path, null, "states", "run", AwsDefinition,
            "--mock-config", AwsMockConfig, "--test-case", "HybridPath");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Test case 'HybridPath' of state machine 'LambdaSQSIntegration' has no mocked response for these Task states: 'SQSState'",
            result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatesRun_UnknownTestCase_ExitsTwoListingTheTestCases()
    {
        using var dir = new TempDirectory();

        var result = await SdcProcess.RunAsync(dir.Path, null, "states", "run", AwsDefinition,
            "--mock-config", AwsMockConfig, "--test-case", "SadPath");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("no test case 'SadPath'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("'HappyPath', 'RetryPath', 'HybridPath'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatesRun_BrokenMockConfig_ExitsTwoListingEveryProblem()
    {
        using var dir = new TempDirectory();
        var config = await WriteAsync(dir, "mocks.json", """
            {"StateMachines":{"LambdaSQSIntegration":{"TestCases":{"T":{"LambdaState":"Missing"}}}},
             "MockedResponses":{"Gap":{"0":{"Return":1},"2":{"Return":2}}}}
            """);

        var result = await SdcProcess.RunAsync(dir.Path, null, "states", "run", AwsDefinition, "--mock-config", config, "--test-case", "T");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("mocked response 'Gap', key '2': invocation 1 has no response", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("state 'LambdaState': uses mocked response 'Missing', which MockedResponses does not define", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatesRun_PassOnlyDefinitionWithoutInput_RunsOnAnEmptyObject()
    {
        using var dir = new TempDirectory();
        var definition = await WriteAsync(dir, "pass.json", """
            {"StartAt":"Hello","States":{"Hello":{"Type":"Pass","Result":"world","ResultPath":"$.hello","Next":"Wait"},
             "Wait":{"Type":"Wait","Seconds":3600,"End":true}}}
            """);

        var result = await SdcProcess.RunAsync(dir.Path, null, "states", "run", definition, "--virtual-time");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("world", JsonNode.Parse(result.Stdout)!["hello"]!.GetValue<string>());
    }

    [Fact]
    public async Task StatesRun_InputNotJson_ExitsTwoWithItsLine()
    {
        using var dir = new TempDirectory();
        var definition = await WriteAsync(dir, "pass.json", """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""");
        var input = await WriteAsync(dir, "input.json", "{\n  \"a\": 1,\n}");

        var result = await SdcProcess.RunAsync(dir.Path, null, "states", "run", definition, "--input", input);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("input.json is not valid JSON at line 3", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatesRun_InvalidDefinition_ExitsTwoNamingTheState()
    {
        using var dir = new TempDirectory();
        var definition = await WriteAsync(dir, "broken.json", """{"StartAt":"P","States":{"P":{"Type":"Pass","Next":"Nowhere"}}}""");

        var result = await SdcProcess.RunAsync(dir.Path, null, "states", "run", definition);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("broken.json is not a valid state machine definition", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Nowhere", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    private static async Task<string> WriteAsync(TempDirectory dir, string name, string text)
    {
        var path = Path.Combine(dir.Path, name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }
}
