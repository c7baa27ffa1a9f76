using System.CommandLine;
using System.Globalization;
using Sdc.Catalog;
using Sdc.Local;
using Sdc.Pipeline;
using Spectre.Console;

namespace Sdc.Cli.Commands;

/// <summary>
/// <c>sdc reprocess --instrument exi --from … --to …</c>: a reprocessing run over an instrument's
/// Level 0 files in a time range, on the low-priority queue, to Level 2; new product versions,
/// old ones kept. Jobs whose inputs, kernels, calibration and processor version are unchanged
/// have already succeeded and are not run again.
/// </summary>
internal static class ReprocessCommand
{
    public static Command Create()
    {
        var instrument = new Option<string>("--instrument") { Description = "Instrument whose data to reprocess (exi, emr, emu)", Required = true };
        var from = new Option<string>("--from") { Description = "UTC start: a date (2021-02-24) or a time", Required = true };
        var to = new Option<string>("--to") { Description = "UTC end (exclusive)", Required = true };
        var reason = new Option<string?>("--reason") { Description = "Why (kept with the run)" };
        var command = new Command("reprocess", "Reprocess an instrument's data in a time range (a reprocessing run on the low-priority queue)")
        {
            instrument, from, to, reason,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var data = DataDirectory.Resolve(parse.GetValue(GlobalOptions.Data));
            await using var host = await RuntimeHost.OpenAsync(parse, data, null, token);
            var id = parse.GetValue(instrument)!;
            if (host.Mission.FindProcessor(id) is null)
            {
                throw new UserError($"--instrument {id}: no processor; expected one of {string.Join(", ", host.Mission.Processors.Select(p => p.Instrument))}.");
            }
            var (start, end) = (Time(parse.GetValue(from)!, "--from"), Time(parse.GetValue(to)!, "--to"));
            if (end <= start)
            {
                throw new UserError($"--to {end:u} is not after --from {start:u}.");
            }
            await host.Runtime.PrepareProcessorsAsync(token);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
            var running = host.Runtime.RunAsync(stop.Token);
            var name = ExecutionNames.ForReprocessing(id, DateTimeOffset.UtcNow);
            Terminal.Out.MarkupLine(Markup.Escape($"reprocessing {id} from {start:u} to {end:u} as run {name}…"));
            await host.Runtime.StartExecutionAsync(name, new PipelineRequest(PipelineRequest.Reprocessing, null, id, start, end, parse.GetValue(reason)));
            await host.Runtime.WaitForIdleAsync(token);
            await stop.CancelAsync();
            await running;
            var run = await host.Catalog.Jobs.FindRunByNameAsync(name, token);
            Terminal.Out.MarkupLine(Markup.Escape($"run {run?.Id} {name}: ") + RunsCommands.Status(run?.Status.ToString().ToUpperInvariant() ?? "ERROR")
                + Markup.Escape($" — {run?.Summary} (details: sdc runs show {run?.Id})"));
            return run?.Status is RunStatus.Ok or RunStatus.Warning ? 0 : DemoCommand.JobsFailed;
        }, ct));
        return command;
    }

    /// <summary>A UTC date or time given to an option, or a message naming the option.</summary>
    internal static DateTimeOffset Time(string text, string option) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new UserError($"{option} '{text}': expected a UTC date (2021-02-24) or time (2021-02-24T06:00:00Z).");
}
