using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Sdc.Catalog;
using Sdc.Ingest.Layout;
using Sdc.Local;
using Sdc.Mission;
using Sdc.Simulator;

namespace Sdc.Bench;

/// <summary>
/// The whole pipeline on this machine, for one simulated day and for ten: wall time from the first
/// file put into the inbox to the last product indexed, and orchestration overhead per job. Two
/// overheads are reported: per job, the time from its processor's end to the job being indexed
/// and recorded (what the runtime adds to each job); and over the run, the slot time no processor
/// used — wall × slots − Σ processor time, per job — which also counts ingest, planning and the
/// barrier between levels. Processors are built before timing starts.
/// </summary>
internal sealed class PipelineBenchmark : IBenchmark
{
    public string Name => "pipeline";

    public string Usage => "[--days 1,10] [--slots <cores>] [--work DIR]";

    public async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var days = (args.Text("days") ?? "1,10").Split(',').Select(d => int.Parse(d, CultureInfo.InvariantCulture)).ToList();
        var slots = args.Int("slots", Environment.ProcessorCount);
        var work = args.Text("work") ?? Path.Combine(Path.GetTempPath(), "sdc-pipeline-bench-" + Guid.NewGuid().ToString("N")[..8]);
        args.RejectUnknown();
        var repository = FindRepository();
        var mission = MissionLoader.LoadFile(Path.Combine(repository, "mission.yaml"));
        Console.WriteLine($"pipeline benchmark: {Environment.ProcessorCount} core(s), {slots} job slot(s), repository {repository}");
        try
        {
            foreach (var dayCount in days)
            {
                await RunOnceAsync(mission, repository, Path.Combine(work, $"{dayCount}d"), dayCount, slots, cancellationToken);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
        return 0;
    }

    private static async Task RunOnceAsync(Mission.Mission mission, string repository, string root, int days, int slots, CancellationToken cancellationToken)
    {
        var delivery = await new MissionSimulator(mission).RunAsync(new SimulationOptions(SimulationOptions.ScienceInstruments,
            new DateTime(2021, 2, 24, 0, 0, 0, DateTimeKind.Utc), 4 * days, Path.Combine(root, "delivery")), cancellationToken: cancellationToken);
        await using var catalog = await CatalogFactory.OpenAsync(Path.Combine(root, "catalog.db"), cancellationToken);
        await catalog.MigrateAsync(cancellationToken);
        await using var runtime = new LocalRuntime(mission, catalog, new LocalRuntimeOptions
        {
            BucketsRoot = Path.Combine(root, "buckets"),
            RepositoryRoot = repository,
            WorkRoot = Path.Combine(root, "work"),
            MaxConcurrency = slots,
        }, TimeProvider.System, NullLoggerFactory.Instance);
        await runtime.PrepareProcessorsAsync(cancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = runtime.RunAsync(stop.Token);

        var wall = Stopwatch.StartNew();
        foreach (var file in delivery.Files)
        {
            await using var stream = File.OpenRead(file.Path);
            await runtime.Store.PutAsync(Buckets.Inbox, file.Name, stream, null, cancellationToken);
        }
        await runtime.WaitForIdleAsync(cancellationToken);
        var elapsed = wall.Elapsed;
        await stop.CancelAsync();
        await running;

        var jobs = new List<Job>();
        foreach (var run in await catalog.Jobs.ListRunsAsync(1000, null, cancellationToken))
        {
            jobs.AddRange(await catalog.Jobs.ListJobsAsync(run.Id, cancellationToken));
        }
        var finished = jobs.Where(j => j is { StartedAt: not null, ProcessorStoppedAt: not null, FinishedAt: not null }).ToList();
        var processor = TimeSpan.FromTicks(finished.Sum(j => (j.ProcessorStoppedAt!.Value - j.StartedAt!.Value).Ticks));
        var perJob = finished.Select(j => (j.FinishedAt!.Value - j.ProcessorStoppedAt!.Value).TotalMilliseconds).Order().ToList();
        var idleSlots = (elapsed.TotalMilliseconds * slots - processor.TotalMilliseconds) / Math.Max(1, jobs.Count);
        var ok = jobs.Count(j => j.Status is JobStatus.Ok or JobStatus.Warning);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{days,3} day(s): {delivery.Files.Count} files, {delivery.TotalBytes / 1e6:0.0} MB; {jobs.Count} jobs ({ok} OK); ingest → last product indexed {elapsed.TotalSeconds:0.0} s; " +
            $"processor time {processor.TotalSeconds:0.0} s; per-job overhead (processor end → indexed) median {Percentile(perJob, 0.5):0} ms, p95 {Percentile(perJob, 0.95):0} ms, max {perJob.LastOrDefault():0} ms; " +
            $"unused slot time per job {idleSlots:0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT days={days} files={delivery.Files.Count} jobs={jobs.Count} ok={ok} wall_s={elapsed.TotalSeconds:0.00} processor_s={processor.TotalSeconds:0.00} " +
            $"overhead_median_ms={Percentile(perJob, 0.5):0} overhead_p95_ms={Percentile(perJob, 0.95):0} unused_slot_ms_per_job={idleSlots:0}"));
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, PipelineDefinition.RelativePath)))
            {
                return dir.FullName;
            }
        }
        return Environment.CurrentDirectory;
    }
}
