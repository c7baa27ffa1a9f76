using System.Text.RegularExpressions;
using Sdc.Local.Batch.Tests.Support;

namespace Sdc.Local.Batch.Tests;

/// <summary>Running one job: outcome, messages, log, environment, and requests the runner refuses.</summary>
public sealed class LocalBatchTests
{
    private static readonly Regex LogLine = new(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (out|err|batch) ", RegexOptions.CultureInvariant);

    [Fact]
    public async Task SubmitAndWaitAsync_ProcessorPrintsMessages_SucceedsWithMessagesParsedAndLogWritten()
    {
        await using var scratch = new BatchScratch();
        var command = scratch.Script("fake", """
            echo '{"type":"start","processor":"fake","version":"1.0.0","job":"j","time":"2021-02-24T00:00:00Z"}'
            echo '{"type":"message","severity":"info","code":"FAKE-I001","text":"read the input","time":"2021-02-24T00:00:01Z"}'
            echo 'not json at all'
            echo 'a warning on stderr' >&2
            echo '{"type":"message","severity":"warning","code":"FAKE-W002","text":"packets missing","file":"a.bin","offset":4096,"time":"2021-02-24T00:00:02Z"}'
            echo '{"type":"message","severity":"error","time":"2021-02-24T00:00:03Z"}'
            echo '{"type":"end","status":"ok","exitCode":0,"products":1,"warnings":1,"errors":0,"seconds":0.1}'
            """);
        var runner = scratch.Runner(2, new JobDefinition("fake", command));

        var result = await runner.SubmitAndWaitAsync(scratch.Request("job-1", "fake"), CancellationToken.None);

        Assert.Equal(BatchJobStatus.Succeeded, result.Status);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Essential container in task exited (exit code 0)", result.StatusReason);
        Assert.Equal(
            [
                new ProcessorMessage("info", "FAKE-I001", "read the input", null, null),
                new ProcessorMessage("warning", "FAKE-W002", "packets missing", "a.bin", 4096),
            ],
            result.Messages);
        Assert.True(result.StartedAt <= result.StoppedAt);
        Assert.Equal((BatchScratch.LogBucket, "jobs/job-1.log"), (result.LogBucket, result.LogKey));

        var lines = (await scratch.ReadLogAsync(result.LogKey)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.Matches(LogLine, line));
        var outLines = lines.Where(l => l[25..].StartsWith("out ", StringComparison.Ordinal)).Select(l => l[29..]).ToList();
        Assert.Equal(6, outLines.Count);
        Assert.StartsWith("{\"type\":\"start\"", outLines[0], StringComparison.Ordinal);
        Assert.Equal("not json at all", outLines[2]);
        Assert.StartsWith("{\"type\":\"end\"", outLines[5], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.EndsWith(" err a warning on stderr", StringComparison.Ordinal));
        Assert.EndsWith(" batch Succeeded: Essential container in task exited (exit code 0)", lines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, BatchJobStatus.Succeeded)]
    [InlineData(1, BatchJobStatus.Failed)]
    [InlineData(2, BatchJobStatus.Failed)]
    [InlineData(3, BatchJobStatus.Succeeded)]
    [InlineData(4, BatchJobStatus.Failed)]
    public async Task SubmitAndWaitAsync_ExitCode_StatusFollowsProcessorContract(int exitCode, BatchJobStatus expected)
    {
        await using var scratch = new BatchScratch();
        var runner = scratch.Runner(1, new JobDefinition("fake", scratch.Script("fake", $"echo working; exit {exitCode}")));

        var result = await runner.SubmitAndWaitAsync(scratch.Request("job", "fake"), CancellationToken.None);

        Assert.Equal(expected, result.Status);
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal($"Essential container in task exited (exit code {exitCode})", result.StatusReason);
        Assert.Contains(" out working\n", await scratch.ReadLogAsync(result.LogKey), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitAndWaitAsync_DefinitionWithOwnSuccessCodes_Exit3Fails()
    {
        await using var scratch = new BatchScratch();
        var runner = scratch.Runner(1, new JobDefinition("strict", scratch.Script("fake", "exit 3"), successExitCodes: [0]));

        var result = await runner.SubmitAndWaitAsync(scratch.Request("job", "strict"), CancellationToken.None);

        Assert.Equal(BatchJobStatus.Failed, result.Status);
        Assert.Equal(3, result.ExitCode);
    }

    [Fact]
    public async Task SubmitAndWaitAsync_AnyJob_RunsWithAddedEnvironmentArgumentsFreshFolderAndNoStdin()
    {
        await using var scratch = new BatchScratch();
        var command = scratch.Script("fake", """
            echo "job=$SDC_JOB"
            echo "path=$PATH"
            echo "args=$*"
            echo "cwd=$PWD"
            ls -A | wc -l | sed 's/^ */entries=/'
            if read -r line; then echo "stdin=$line"; else echo "stdin=eof"; fi
            """);
        var runner = scratch.Runner(1, new JobDefinition("fake", command, ["--flag", "two words"]));
        const string Job = """{"jobId": "exi-l0-1", "note": "quotes ' and spaces"}""";

        var result = await runner.SubmitAndWaitAsync(
            scratch.Request("job", "fake", environment: new Dictionary<string, string> { ["SDC_JOB"] = Job }), CancellationToken.None);

        Assert.Equal(BatchJobStatus.Succeeded, result.Status);
        var output = (await scratch.ReadLogAsync(result.LogKey)).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l[25..].StartsWith("out ", StringComparison.Ordinal))
            .Select(l => l[29..])
            .ToList();
        Assert.Contains($"job={Job}", output);
        Assert.Contains($"path={Environment.GetEnvironmentVariable("PATH")}", output);
        Assert.Contains("args=--flag two words", output);
        Assert.Contains("entries=0", output);
        Assert.Contains("stdin=eof", output);
        var folder = output.Single(l => l.StartsWith("cwd=", StringComparison.Ordinal))[4..];
        Assert.Equal(scratch.WorkRoot, Path.GetDirectoryName(folder));
        Assert.StartsWith("job-", Path.GetFileName(folder), StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder), "the work folder is deleted when the job ends");
    }

    [Fact]
    public async Task SubmitAndWaitAsync_CommandMissing_FailsWithReasonAndLog()
    {
        await using var scratch = new BatchScratch();
        var missing = Path.Combine(scratch.Root, "bin", "no-such-processor");
        var runner = scratch.Runner(1, new JobDefinition("gone", missing));

        var result = await runner.SubmitAndWaitAsync(scratch.Request("job", "gone"), CancellationToken.None);

        Assert.Equal(BatchJobStatus.Failed, result.Status);
        Assert.Null(result.ExitCode);
        Assert.Equal($"CannotStartContainerError: {missing}: no such file", result.StatusReason);
        Assert.Contains(result.StatusReason, await scratch.ReadLogAsync(result.LogKey), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitAndWaitAsync_CommandNotExecutable_FailsWithReason()
    {
        await using var scratch = new BatchScratch();
        var script = scratch.Script("fake", "exit 0");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var runner = scratch.Runner(1, new JobDefinition("fake", script));

        var result = await runner.SubmitAndWaitAsync(scratch.Request("job", "fake"), CancellationToken.None);

        Assert.Equal(BatchJobStatus.Failed, result.Status);
        Assert.Equal($"CannotStartContainerError: {script}: not executable", result.StatusReason);
    }

    [Fact]
    public async Task SubmitAndWaitAsync_CommandNameOnPath_RunsIt()
    {
        await using var scratch = new BatchScratch();
        var runner = scratch.Runner(1, new JobDefinition("true", "true"));

        var result = await runner.SubmitAndWaitAsync(scratch.Request("job", "true"), CancellationToken.None);

        Assert.Equal(BatchJobStatus.Succeeded, result.Status);
    }

    [Fact]
    public async Task SubmitAndWaitAsync_OutputBeyondCap_LogTruncatedWithNote()
    {
        await using var scratch = new BatchScratch();
        var command = scratch.Script("flood", """
            for i in $(seq 1 5000); do echo "line $i of a processor that prints too much"; done
            echo 'and a long line without end' >&2
            head -c 600000 /dev/zero | tr '\0' x
            """);
        var runner = scratch.Runner(1, maxLogBytes: 16 * 1024, new JobDefinition("flood", command));

        var result = await runner.SubmitAndWaitAsync(scratch.Request("job", "flood"), CancellationToken.None);

        Assert.Equal(BatchJobStatus.Succeeded, result.Status);
        var log = await scratch.ReadLogAsync(result.LogKey);
        Assert.InRange(log.Length, 15 * 1024, 17 * 1024);
        Assert.Contains(" out line 1 of a processor", log, StringComparison.Ordinal);
        Assert.DoesNotContain("line 5000 ", log, StringComparison.Ordinal);
        Assert.Matches(@"batch log truncated at 16384 bytes: \d+ later lines dropped\n", log);
    }

    [Theory]
    [InlineData("batch", "exi", "Unknown job queue 'batch'; the queues are: production, reprocessing.")]
    [InlineData("production", "exq", "Unknown job definition 'exq'; the definitions are: emr, emu, exi.")]
    public async Task SubmitAndWaitAsync_UnknownQueueOrDefinition_ThrowsArgumentExceptionNamingAccepted(string queue, string definition, string message)
    {
        await using var scratch = new BatchScratch();
        var command = scratch.Script("fake", "exit 0");
        var runner = scratch.Runner(1, new JobDefinition("exi", command), new JobDefinition("emr", command), new JobDefinition("emu", command));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => runner.SubmitAndWaitAsync(scratch.Request("job", definition, queue), CancellationToken.None));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(scratch.WorkRoot) ? Directory.GetFileSystemEntries(scratch.WorkRoot) : []);
    }

    [Theory]
    [InlineData("-starts-with-hyphen")]
    [InlineData("has.dot")]
    [InlineData("")]
    public async Task SubmitAndWaitAsync_JobNameAwsRejects_ThrowsArgumentException(string jobName)
    {
        await using var scratch = new BatchScratch();
        var runner = scratch.Runner(1, new JobDefinition("fake", scratch.Script("fake", "exit 0")));

        await Assert.ThrowsAsync<ArgumentException>(() => runner.SubmitAndWaitAsync(scratch.Request(jobName, "fake"), CancellationToken.None));
    }

    [Fact]
    public void Constructor_DefinitionUnderAnotherName_ThrowsArgumentException()
    {
        var options = new LocalBatchOptions
        {
            Definitions = new Dictionary<string, JobDefinition> { ["emr"] = new("exi", "/bin/true") },
            WorkRoot = Path.GetTempPath(),
        };

        var error = Assert.Throws<ArgumentException>(() => new LocalBatch(options, new Storage.FileSystem.FileSystemObjectStore(new() { RootPath = Path.GetTempPath() }), TimeProvider.System));

        Assert.Contains("'exi' is registered under the name 'emr'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JobDefinition_NoExitCodesGiven_ProcessorContractCodes()
    {
        var definition = new JobDefinition("exi", "/repo/processors/exi/run");

        Assert.Equal([0, 3], definition.SuccessExitCodes);
        Assert.Empty(definition.Arguments);
    }
}
