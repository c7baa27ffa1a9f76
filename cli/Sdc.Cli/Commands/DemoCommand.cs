using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sdc.Api.Releases;
using Sdc.Catalog;
using Sdc.Local.Auth;
using Sdc.Ingest.Layout;
using Sdc.Mission;
using Sdc.Pipeline;
using Sdc.Simulator;
using Spectre.Console;

namespace Sdc.Cli.Commands;

/// <summary>
/// <c>sdc demo</c>: one day of simulated EMM data from Level 0 to Level 2 and quicklooks on this
/// machine: simulate, deliver to the inbox as the MOC does, let the local runtime check, archive
/// and run pipeline.asl.json, show progress as it goes, and print a summary.
/// </summary>
internal static class DemoCommand
{
    /// <summary>Exit code when some job ended in ERROR or TIMED_OUT.</summary>
    public const int JobsFailed = 4;

    /// <summary>The demo's user (group admin); its password is made afresh and printed by each demo.</summary>
    public const string DemoUser = "demo";

    /// <summary>The demo cuts release 1 at noon of its first day, so the public view shows some products and not others.</summary>
    public static readonly DateTimeOffset DemoReleaseCutoff = new(2021, 2, 24, 12, 0, 0, TimeSpan.Zero);

    public static Command Create()
    {
        var noServe = new Option<bool>("--no-serve") { Description = "Exit when the pipeline is done instead of keeping the local SDC running" };
        var days = new Option<int>("--days") { Description = "Days of data to simulate (four 6-hour orbits each)", DefaultValueFactory = _ => 1 };
        var scale = new Option<double>("--scale") { Description = "Multiply the images, scans and frames per orbit", DefaultValueFactory = _ => 1 };
        var demo = new Command("demo", "Simulate a day of EMM data and run it through the whole SDC on this machine (in <data>/demo, started afresh)")
        {
            noServe, days, scale,
        };
        foreach (var option in ServeOptions.All)
        {
            demo.Add(option);
        }
        demo.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var dayCount = parse.GetValue(days);
            if (dayCount is < 1 or > 366)
            {
                throw new UserError($"--days {dayCount}: expected 1 to 366.");
            }
            var data = new DataDirectory(Path.Combine(DataDirectory.Resolve(parse.GetValue(GlobalOptions.Data)).Root, "demo"));
            if (Directory.Exists(data.Root))
            {
                Directory.Delete(data.Root, recursive: true);
            }
            var serve = !parse.GetValue(noServe);
            var port = serve ? ServeOptions.ResolvePort(parse) : (int?)null;
            var wall = Stopwatch.StartNew();
            var mission = MissionLoader.LoadFile(MissionFile.Resolve(parse.GetValue(GlobalOptions.Mission)));
            Say($"sdc demo: {dayCount} day(s) of EMM data from Level 0 to Level 2, in {data.Root}");

            var delivery = await new MissionSimulator(mission).RunAsync(new SimulationOptions(SimulationOptions.ScienceInstruments,
                new DateTime(2021, 2, 24, 0, 0, 0, DateTimeKind.Utc), 4 * dayCount, Path.Combine(data.Root, "delivery")) { Scale = parse.GetValue(scale) },
                cancellationToken: token);
            var simulated = wall.Elapsed;
            Say($"simulated {delivery.Files.Count} files ({delivery.TotalBytes / 1e6:0.0} MB) in {simulated.TotalSeconds:0.0} s");

            await using var host = await RuntimeHost.OpenAsync(parse, data, null, token, port);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
            Say("building the instrument processors (first use only)…");
            await host.Runtime.PrepareProcessorsAsync(token);
            TimeSpan? firstExecution = null;
            host.Runtime.Activity += a =>
            {
                if (a.Kind == "execution" && firstExecution is null)
                {
                    firstExecution = wall.Elapsed;
                }
                if (a.Kind is "execution" or "error" or "recover" || a.Detail.Contains("quarantined", StringComparison.Ordinal))
                {
                    Say($"{a.Kind,-9} {a.Subject}: {a.Detail}");
                }
            };
            var running = host.Runtime.RunAsync(stop.Token);
            var ingestStart = wall.Elapsed;
            foreach (var file in delivery.Files)
            {
                await using var stream = File.OpenRead(file.Path);
                await host.Runtime.Store.PutAsync(Buckets.Inbox, file.Name, stream, null, token);
            }
            Say($"delivered {delivery.Files.Count} files to the inbox, delivery record last");
            var progress = ReportJobsAsync(host.Catalog, stop.Token);
            await host.Runtime.WaitForIdleAsync(token);
            var done = wall.Elapsed;

            var runs = await host.Catalog.Jobs.ListRunsAsync(100, null, token);
            var jobs = new List<Job>();
            foreach (var run in runs)
            {
                jobs.AddRange(await host.Catalog.Jobs.ListJobsAsync(run.Id, token));
            }
            await PrintSummaryAsync(host.Catalog, runs, jobs, simulated, (firstExecution ?? done) - ingestStart, done - ingestStart, token);

            var release = await new ReleasePublisher(host.Catalog, host.Runtime.Store, TimeProvider.System)
                .CreateAsync(DemoReleaseCutoff, "Demo release: the first two orbits of 2021-02-24", token);
            Say($"release {release.Number}: {release.FileCount} products up to {DemoReleaseCutoff:u} are public");
            var password = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
            await new LocalAccounts(host.Catalog.Users, new GroupNames(mission.Processors.Select(p => p.Instrument)), TimeProvider.System)
                .AddAsync(DemoUser, password, [GroupNames.Admin], token);

            if (serve)
            {
                await using var site = await host.ServeAsync(ServeOptions.Site(parse, port!.Value, data), token);
                Say($"The local SDC is serving {site.BaseUrl} — portal and API (v1/, public/v1/). Sign in as {DemoUser} / {password} (group admin),");
                Say($"or from a shell: sdc login --endpoint {site.BaseUrl} --username {DemoUser}. Ctrl+C stops it.");
                try
                {
                    await Task.Delay(Timeout.Infinite, token);
                }
                catch (OperationCanceledException)
                {
                }
            }
            await stop.CancelAsync();
            await running;
            await progress;
            return jobs.Any(j => j.Status is JobStatus.Error or JobStatus.TimedOut) ? JobsFailed : 0;
        }, ct));
        return demo;
    }

    private static void Say(string text) => Terminal.Out.MarkupLine(Markup.Escape($"{DateTime.Now:HH:mm:ss}  {text}"));

    /// <summary>Prints each job as it finishes, until stopped.</summary>
    private static async Task ReportJobsAsync(ICatalog catalog, CancellationToken cancellationToken)
    {
        var reported = new HashSet<long>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(500, cancellationToken);
                foreach (var run in await catalog.Jobs.ListRunsAsync(100, null, cancellationToken))
                {
                    var jobs = await catalog.Jobs.ListJobsAsync(run.Id, cancellationToken);
                    foreach (var job in jobs.Where(j => j.FinishedAt is not null && reported.Add(j.Id)))
                    {
                        var running = jobs.Count(j => j.Status == JobStatus.Processing);
                        Say($"job {job.Id,-4} {job.Instrument} {job.Level,-3} {PipelineTasks.StatusText(job.Status),-9} " +
                            $"{(job.FinishedAt - job.StartedAt)?.TotalSeconds ?? 0,5:0.0} s   ({reported.Count} done, {running} running)");
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task PrintSummaryAsync(ICatalog catalog, IReadOnlyList<Run> runs, List<Job> jobs, TimeSpan simulated, TimeSpan ingest, TimeSpan total,
        CancellationToken cancellationToken)
    {
        var stats = await catalog.GetStatsAsync(cancellationToken);
        var files = new Table().Title("files in the catalog").AddColumns("instrument", "level", "files", "MB");
        foreach (var volume in stats.Volumes)
        {
            files.AddRow(volume.Instrument ?? "(kernels)", volume.Level ?? "-", volume.Files.ToString(CultureInfo.InvariantCulture),
                (volume.Bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture));
        }
        Terminal.Out.Write(files);

        var statuses = new Table().Title("jobs").AddColumns("status", "jobs");
        foreach (var group in jobs.GroupBy(j => j.Status).OrderBy(g => g.Key))
        {
            statuses.AddRow(RunsCommands.Status(PipelineTasks.StatusText(group.Key)), group.Count().ToString(CultureInfo.InvariantCulture));
        }
        Terminal.Out.Write(statuses);

        var stages = new Table().Title("time").AddColumns("stage", "jobs", "wall", "processor time (sum)");
        stages.AddRow("simulate", "-", RunsCommands.Seconds(simulated), "-");
        stages.AddRow("ingest (integrity, archive, manifest)", "-", RunsCommands.Seconds(ingest), "-");
        foreach (var stage in jobs.Where(j => j.StartedAt is not null && j.FinishedAt is not null).GroupBy(j => j.Stage ?? 0).OrderBy(g => g.Key))
        {
            var wall = stage.Max(j => j.FinishedAt!.Value) - stage.Min(j => j.StartedAt!.Value);
            var busy = TimeSpan.FromTicks(stage.Sum(j => (j.FinishedAt!.Value - j.StartedAt!.Value).Ticks));
            stages.AddRow($"stage {stage.Key} → {string.Join('+', stage.Select(j => j.Level).Distinct())}", stage.Count().ToString(CultureInfo.InvariantCulture),
                RunsCommands.Seconds(wall), RunsCommands.Seconds(busy));
        }
        stages.AddRow("[bold]ingest to last product indexed[/]", jobs.Count.ToString(CultureInfo.InvariantCulture), $"[bold]{RunsCommands.Seconds(total)}[/]", "");
        Terminal.Out.Write(stages);
        foreach (var run in runs)
        {
            Terminal.Out.MarkupLine(Markup.Escape($"run {run.Id} {run.ExecutionName}: ") + RunsCommands.Status(run.Status.ToString().ToUpperInvariant()) +
                Markup.Escape($" — {run.Summary} (details: sdc runs show {run.Id})"));
        }
    }
}
