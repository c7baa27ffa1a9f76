using System.CommandLine;
using System.Globalization;
using Sdc.Ingest;
using Sdc.Ingest.Reconciliation;
using Spectre.Console;

namespace Sdc.Cli.Commands;

/// <summary><c>sdc reconcile</c>: compares storage with the catalog, reports drift, and with --repair fixes what it can.</summary>
internal static class ReconcileCommand
{
    public const int DriftFound = 4;

    public static Command Create()
    {
        var repair = new Option<bool>("--repair") { Description = "Re-register orphans the mission can name; flag lost and damaged files in the catalog" };
        var sample = new Option<double>("--sample")
        {
            Description = "Share of files whose checksums are recomputed, 0 to 1 (sizes are always compared)",
            DefaultValueFactory = _ => 0.01,
        };
        var full = new Option<bool>("--full") { Description = "Recompute every file's checksums (same as --sample 1)" };
        var catalogOption = new Option<string?>("--catalog") { Description = "SQLite file path or PostgreSQL URL (default: $SDC_CATALOG, else <data>/catalog.db)" };
        var command = new Command("reconcile", "Compare the archive and product buckets with the catalog; report (and with --repair, fix) drift")
        {
            repair, sample, full, catalogOption,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var share = parse.GetValue(full) ? 1 : parse.GetValue(sample);
            if (share is < 0 or > 1 || double.IsNaN(share))
            {
                throw new UserError($"--sample {share.ToString(CultureInfo.InvariantCulture)}: expected a share between 0 and 1 (e.g. 0.01 for 1 %).");
            }
            await using var sdc = await LocalSdc.OpenAsync(parse, parse.GetValue(catalogOption), new IngestOptions(), token);
            var report = await sdc.Ingest.Reconciler.RunAsync(new ReconcileOptions { ChecksumSample = share, Repair = parse.GetValue(repair) }, null, token);

            if (report.Drifts.Count > 0)
            {
                var table = new Table().AddColumns("problem", "object", "detail", "action");
                foreach (var drift in report.Drifts)
                {
                    table.AddRow($"[red]{drift.Kind}[/]", Markup.Escape($"{drift.Bucket}:{drift.Key}"), Markup.Escape(drift.Detail),
                        Markup.Escape(drift.Action ?? (parse.GetValue(repair) ? "-" : "(run with --repair)")));
                }
                Terminal.Out.Write(table);
            }
            Terminal.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{report.ObjectsScanned:N0} objects and {report.RowsScanned:N0} catalog rows compared in {report.Elapsed.TotalSeconds:0.0} s; " +
                $"checksums recomputed for {report.ObjectsChecksummed:N0} files ({report.BytesChecksummed / 1e6:0.0} MB); " +
                $"{report.Drifts.Count} problem(s){(report.Cleared > 0 ? $", {report.Cleared} earlier flag(s) cleared" : "")}.")));
            if (report.ReportKey is { } key)
            {
                Terminal.Out.MarkupLine($"report: archive:{Markup.Escape(key)}");
            }
            return report.Clean ? 0 : DriftFound;
        }, ct));
        return command;
    }
}
