using System.CommandLine;
using System.Globalization;
using Sdc.Catalog;
using Sdc.Pipeline;
using Spectre.Console;

namespace Sdc.Cli.Commands;

/// <summary><c>sdc runs</c> and <c>sdc runs show &lt;id|name&gt;</c>: pipeline runs, their jobs with PROBA2-style statuses, and each job's messages.</summary>
internal static class RunsCommands
{
    public static Command Create()
    {
        var catalogOption = new Option<string?>("--catalog") { Description = "SQLite file path or PostgreSQL URL (default: $SDC_CATALOG, else <data>/catalog.db)", Recursive = true };
        var limit = new Option<int>("--limit") { Description = "How many runs, newest first", DefaultValueFactory = _ => 20 };
        var runs = new Command("runs", "Pipeline runs and their jobs") { catalogOption, limit };
        runs.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            await using var sdc = await LocalSdc.OpenAsync(parse, parse.GetValue(catalogOption), new Ingest.IngestOptions(), token);
            var table = new Table().AddColumns("id", "execution", "kind", "status", "started (UTC)", "took", "jobs");
            foreach (var run in await sdc.Catalog.Jobs.ListRunsAsync(Math.Clamp(parse.GetValue(limit), 1, 10_000), null, token))
            {
                table.AddRow(run.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(run.ExecutionName), run.Kind.ToString().ToLowerInvariant(),
                    Status(run.Status.ToString().ToUpperInvariant()), run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    run.FinishedAt is { } end ? Seconds(end - run.StartedAt) : "running", Markup.Escape(run.Summary ?? ""));
            }
            Terminal.Out.Write(table);
            return 0;
        }, ct));

        var which = new Argument<string>("run") { Description = "Run id or execution name" };
        var show = new Command("show", "One run: its jobs, their statuses and reasons, and each job's messages") { which };
        show.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            await using var sdc = await LocalSdc.OpenAsync(parse, parse.GetValue(catalogOption), new Ingest.IngestOptions(), token);
            var text = parse.GetValue(which)!;
            var run = (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? await sdc.Catalog.Jobs.FindRunAsync(id, token) : null)
                ?? await sdc.Catalog.Jobs.FindRunByNameAsync(text, token)
                ?? throw new UserError($"No run '{text}'; `sdc runs` lists them (id or execution name).");
            Terminal.Out.MarkupLine(Markup.Escape($"run {run.Id} {run.ExecutionName} ({run.Kind.ToString().ToLowerInvariant()}), ") + Status(run.Status.ToString().ToUpperInvariant())
                + Markup.Escape($", started {run.StartedAt.UtcDateTime:u}{(run.FinishedAt is { } f ? $", took {Seconds(f - run.StartedAt)}" : ", running")}: {run.Summary}"));
            var jobs = await sdc.Catalog.Jobs.ListJobsAsync(run.Id, token);
            var table = new Table().AddColumns("job", "instrument", "step", "queue", "status", "attempts", "exit", "took", "reason");
            foreach (var job in jobs)
            {
                table.AddRow(job.Id.ToString(CultureInfo.InvariantCulture), job.Instrument, Markup.Escape($"stage {job.Stage} → {job.Level}"), job.Queue,
                    Status(PipelineTasks.StatusText(job.Status)), job.Attempts.ToString(CultureInfo.InvariantCulture),
                    job.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "-",
                    job is { StartedAt: { } s, FinishedAt: { } e } ? Seconds(e - s) : "-", Markup.Escape(job.StatusReason ?? ""));
            }
            Terminal.Out.Write(table);
            foreach (var job in jobs)
            {
                var messages = await sdc.Catalog.Jobs.GetMessagesAsync(job.Id, token);
                var notable = messages.Where(m => m.Severity != MessageSeverity.Info).ToList();
                Terminal.Out.MarkupLine(Markup.Escape($"job {job.Id}: {messages.Count} message(s), {notable.Count} warning(s) or error(s); log: products:{job.OutputPrefix}log.txt"));
                foreach (var message in notable.Take(20))
                {
                    Terminal.Out.MarkupLine($"  {(message.Severity == MessageSeverity.Error ? "[red]" : "[yellow]")}{message.Code}[/] {Markup.Escape(message.Text)}");
                }
            }
            return 0;
        }, ct));
        runs.Add(show);
        return runs;
    }

    public static string Status(string status) => status switch
    {
        "OK" => "[green]OK[/]",
        "WARNING" => "[yellow]WARNING[/]",
        "ERROR" or "TIMED_OUT" => $"[red]{status}[/]",
        _ => $"[blue]{status}[/]",
    };

    public static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0} s");
}
