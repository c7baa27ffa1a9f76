using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Sdc.Cli.Tests;

/// <summary>
/// The crash test of the local runtime: `sdc local up` killed with SIGKILL in the middle of a run
/// and started again finishes the run with the same products (names, checksums, row counts) as a
/// run that was never interrupted, and jobs that had finished are not run again.
/// </summary>
public sealed class PipelineCrashTests
{
    [Fact]
    public async Task LocalUp_KilledMidRunAndRestarted_FinishesWithTheSameProductsAsAnUninterruptedRun()
    {
        using var dir = new TempDirectory();
        var sim = Path.Combine(dir.Path, "sim");
        Assert.Equal(0, (await SdcProcess.RunAsync(dir.Path, null, "simulate", "--start", "2021-02-24", "--orbits", "2", "--out", sim)).ExitCode);

        var calm = Path.Combine(dir.Path, "calm");
        Assert.Equal(0, (await SdcProcess.RunAsync(dir.Path, null, "ingest", sim, "--data", calm)).ExitCode);
        using (var runtime = SdcProcess.Start(dir.Path, null, "local", "up", "--port", "0", "--data", calm))
        {
            await WaitAsync(calm, () => RunStatus(calm) is "OK" or "WARNING" or "ERROR", runtime);
            runtime.Kill();
        }

        var crashed = Path.Combine(dir.Path, "crashed");
        Assert.Equal(0, (await SdcProcess.RunAsync(dir.Path, null, "ingest", sim, "--data", crashed)).ExitCode);
        Dictionary<long, string> finishedBeforeKill;
        using (var runtime = SdcProcess.Start(dir.Path, null, "local", "up", "--port", "0", "--data", crashed))
        {
            // Killed once some jobs have finished and others have not.
            await WaitAsync(crashed, () => Count(crashed, "status IN ('OK', 'WARNING')") >= 2, runtime);
            runtime.Kill();
            await runtime.WaitForExitAsync();
            finishedBeforeKill = Finished(crashed);
        }
        Assert.Equal("RUNNING", RunStatus(crashed));
        using (var runtime = SdcProcess.Start(dir.Path, null, "local", "up", "--port", "0", "--data", crashed))
        {
            await WaitAsync(crashed, () => RunStatus(crashed) is "OK" or "WARNING" or "ERROR", runtime);
            runtime.Kill();
        }

        Assert.Equal(RunStatus(calm), RunStatus(crashed));
        Assert.Equal(Products(calm), Products(crashed));
        Assert.Equal(Count(calm, "1 = 1"), Count(crashed, "1 = 1"));
        var after = Finished(crashed);
        Assert.All(finishedBeforeKill, job => Assert.Equal(job.Value, after[job.Key]));
    }

    private static async Task WaitAsync(string data, Func<bool> done, Process runtime)
    {
        var deadline = Stopwatch.StartNew();
        while (!done())
        {
            if (runtime.HasExited)
            {
                Assert.Fail($"sdc local up exited early ({runtime.ExitCode}): {await runtime.StandardError.ReadToEndAsync()}");
            }
            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(5), $"timed out waiting on {data}");
            await Task.Delay(50);
        }
    }

    private static string? RunStatus(string data)
    {
        if (!File.Exists(Path.Combine(data, "catalog.db")))
        {
            return null;
        }
        using var connection = CatalogFile.Open(data);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT status FROM runs ORDER BY id LIMIT 1";
        try
        {
            return command.ExecuteScalar() as string;
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    private static long Count(string data, string where)
    {
        using var connection = CatalogFile.Open(data);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM jobs WHERE {where}"; // fixed strings from this test
        try
        {
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0;
        }
    }

    private static Dictionary<long, string> Finished(string data)
    {
        using var connection = CatalogFile.Open(data);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, finished_at || ':' || attempts FROM jobs WHERE status IN ('OK', 'WARNING')";
        using var reader = command.ExecuteReader();
        var finished = new Dictionary<long, string>();
        while (reader.Read())
        {
            finished[reader.GetInt64(0)] = reader.GetString(1);
        }
        return finished;
    }

    private static List<string> Products(string data) =>
        CatalogFile.Column(data, "SELECT key || ' ' || hex(sha256) FROM files WHERE kind IN ('product', 'quicklook') ORDER BY key");
}
