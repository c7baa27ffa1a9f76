using System.Text.Json.Nodes;
using Sdc.Promotion.Runs;
using Sdc.Promotion.Tests.Support;

namespace Sdc.Promotion.Tests;

/// <summary>The runner adapter with small bash processors: the job reaches them in SDC_JOB, each role runs its own command, outcomes and logs come back.</summary>
public sealed class LocalProcessorRunnerTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task RunAsync_EachRole_RunsItsCommandWithTheJobAndArguments()
    {
        var candidate = Script("candidate.sh", """
            #!/usr/bin/env bash
            echo "{\"type\":\"message\",\"severity\":\"warning\",\"code\":\"EXI-W001\",\"text\":\"args $*\"}"
            echo "$SDC_JOB" > "$(dirname "$0")/seen-candidate.json"
            exit 3
            """);
        var baseline = Script("baseline.sh", """
            #!/usr/bin/env bash
            echo "$SDC_JOB" > "$(dirname "$0")/seen-baseline.json"
            """);
        await using var runner = new LocalProcessorRunner(new Dictionary<string, ProcessorCommand>
        {
            [ValidationRoles.Candidate] = ProcessorCommand.Parse($"{candidate} --config 'a b.yaml'"),
            [ValidationRoles.Baseline] = ProcessorCommand.Parse(baseline),
        }, _temp.Folder("work"), 2);
        var job = new JsonObject { ["jobId"] = "validation-l0-0001" }.ToJsonString();

        var results = await Task.WhenAll(
            runner.RunAsync(new ProcessorRunRequest(ValidationRoles.Candidate, "candidate-l0-0001", job, 60), CancellationToken.None),
            runner.RunAsync(new ProcessorRunRequest(ValidationRoles.Baseline, "baseline-l0-0001", job, 60), CancellationToken.None));

        Assert.Equal((true, 3), (results[0].Succeeded, results[0].ExitCode));
        Assert.Equal(new RunMessage("warning", "EXI-W001", "args --config a b.yaml"), Assert.Single(results[0].Messages));
        Assert.Equal((true, 0), (results[1].Succeeded, results[1].ExitCode));
        Assert.Equal(job, File.ReadAllText(_temp.File("seen-candidate.json")).Trim());
        Assert.Equal(job, File.ReadAllText(_temp.File("seen-baseline.json")).Trim());
        Assert.Equal(_temp.File("work/logs/candidate/candidate-l0-0001.log"), results[0].Log);
        Assert.Contains("EXI-W001", File.ReadAllText(results[0].Log), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ProcessingError_FailedWithBatchsReason()
    {
        var failing = Script("failing.sh", "#!/usr/bin/env bash\necho '{\"type\":\"message\",\"severity\":\"error\",\"code\":\"SDK-E001\",\"text\":\"bad\"}'\nexit 1\n");
        await using var runner = new LocalProcessorRunner(new Dictionary<string, ProcessorCommand>
        {
            [ValidationRoles.Candidate] = ProcessorCommand.Parse(failing),
        }, _temp.Folder("work"), 1);

        var result = await runner.RunAsync(new ProcessorRunRequest(ValidationRoles.Candidate, "candidate-l0-0001", "{}", 60), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Essential container in task exited (exit code 1)", result.StatusReason);
        Assert.Equal("SDK-E001", Assert.Single(result.Messages).Code);
    }

    [Fact]
    public async Task RunAsync_MissingCommand_FailedSayingItCannotStart()
    {
        await using var runner = new LocalProcessorRunner(new Dictionary<string, ProcessorCommand>
        {
            [ValidationRoles.Candidate] = ProcessorCommand.Parse(_temp.File("no-such-processor")),
        }, _temp.Folder("work"), 1);

        var result = await runner.RunAsync(new ProcessorRunRequest(ValidationRoles.Candidate, "candidate-l0-0001", "{}", 60), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Null(result.ExitCode);
        Assert.Contains("CannotStartContainerError", result.StatusReason, StringComparison.Ordinal);
    }

    private string Script(string name, string text)
    {
        var path = _temp.File(name);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
