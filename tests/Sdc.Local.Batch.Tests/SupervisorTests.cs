using System.Diagnostics;
using Sdc.Local.Batch.Tests.Support;

namespace Sdc.Local.Batch.Tests;

/// <summary>
/// The guarantee that no job outlives the runtime, tested on the mechanism itself: the supervisor's
/// stdin pipe is held here by a stand-in for the runtime (a <c>sleep</c> at the head of a shell
/// pipeline, its only writer), which the test SIGKILLs as the runtime could be.
/// </summary>
public sealed class SupervisorTests
{
    [Fact]
    public async Task Supervisor_PipeHolderKilled_JobAndGrandchildKilled()
    {
        await using var scratch = new BatchScratch();
        var job = scratch.Script("job", """
            sleep 1000 &
            echo $! > "$MARKS/grandchild"
            echo $$ > "$MARKS/job"
            wait
            """);
        // As LocalBatch starts a job, except that the pipe into the supervisor comes from the stand-in.
        var supervised = JobProcess.CreateStartInfo("job", job, [], new Dictionary<string, string> { ["MARKS"] = scratch.Marks }, scratch.Root);
        var pipeline = scratch.Script("runtime", """
            supervisor=$1; shift
            { echo $BASHPID > "$MARKS/holder"; exec sleep 1000; } | bash -c "$supervisor" "$@"
            """);
        var start = new ProcessStartInfo(pipeline) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in supervised.ArgumentList.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["MARKS"] = scratch.Marks;
        using var outer = Process.Start(start)!;
        try
        {
            var holder = await Processes.WaitForPidAsync(scratch.Mark("holder"));
            var jobPid = await Processes.WaitForPidAsync(scratch.Mark("job"));
            var grandchild = await Processes.WaitForPidAsync(scratch.Mark("grandchild"));
            Assert.True(Processes.IsRunning(jobPid) && Processes.IsRunning(grandchild));

            using (var holderProcess = Process.GetProcessById(holder))
            {
                holderProcess.Kill(); // SIGKILL: nothing runs in the holder to clean up
            }

            Assert.True(await Processes.StopsAsync(jobPid, TimeSpan.FromSeconds(5)), "the job survived the death of its pipe's holder");
            Assert.True(await Processes.StopsAsync(grandchild, TimeSpan.FromSeconds(5)), "the grandchild survived the death of its pipe's holder");
            using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await outer.WaitForExitAsync(exited.Token);
            Assert.Equal(128 + 9, outer.ExitCode);
        }
        finally
        {
            outer.Kill(entireProcessTree: true);
        }
    }
}
