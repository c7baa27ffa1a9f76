using System.CommandLine;
using System.Globalization;
using Sdc.Ingest;
using Sdc.Ingest.Layout;
using Spectre.Console;

namespace Sdc.Cli.Commands;

/// <summary>
/// <c>sdc ingest</c>: drops files into the local inbox the way the MOC delivers them (data files,
/// then their sidecars, delivery records last), runs the integrity check on each as its
/// ObjectCreated event would, and shows what became of every file.
/// </summary>
internal static class IngestCommand
{
    /// <summary>Exit code when some files were quarantined or refused (the rest were still ingested).</summary>
    public const int SomeRefused = 4;

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders (searched recursively) to deliver", Arity = ArgumentArity.ZeroOrMore };
        var inbox = new Option<bool>("--inbox")
        {
            Description = "Check again what is already in the inbox, as its events would, and finish deliveries a crash left without their manifest",
        };
        var flush = new Option<bool>("--flush")
        {
            Description = "Write the manifest for files archived on a .md5 sidecar now, instead of after the quiet period",
        };
        var catalogOption = new Option<string?>("--catalog") { Description = "SQLite file path or PostgreSQL URL (default: $SDC_CATALOG, else <data>/catalog.db)" };
        var command = new Command("ingest", "Deliver files into the local inbox and check, archive or quarantine each one") { paths, inbox, flush, catalogOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var given = parse.GetValue(paths) ?? [];
            if (given.Length == 0 && !parse.GetValue(inbox))
            {
                throw new UserError("Nothing to ingest: give files or folders to deliver, or --inbox to check again what the inbox holds.");
            }
            var files = DeliveryOrder(given);
            await using var sdc = await LocalSdc.OpenAsync(parse, parse.GetValue(catalogOption), new IngestOptions(), token);
            var replay = parse.GetValue(inbox) ? await InboxOrderAsync(sdc, token) : [];
            var outcomes = new Dictionary<string, FileReport>(StringComparer.Ordinal);
            var manifests = new SortedSet<string>(StringComparer.Ordinal);
            var totalBytes = files.Sum(f => f.Length);

            async Task DeliverAll(Action<long>? advance)
            {
                foreach (var file in files)
                {
                    await using (var stream = file.OpenRead())
                    {
                        await sdc.Store.PutAsync(Buckets.Inbox, file.Name, stream, null, token);
                    }
                    foreach (var report in await sdc.Ingest.Integrity.HandleAsync(Buckets.Inbox, file.Name, token))
                    {
                        outcomes[report.FileName] = report;
                        if (report.ManifestKey is { } key)
                        {
                            manifests.Add(key);
                        }
                    }
                    advance?.Invoke(file.Length);
                }
                foreach (var key in replay)
                {
                    foreach (var report in await sdc.Ingest.Integrity.HandleAsync(Buckets.Inbox, key, token))
                    {
                        outcomes[report.FileName] = report;
                        if (report.ManifestKey is { } manifest)
                        {
                            manifests.Add(manifest);
                        }
                    }
                }
                // After a crash a delivery may have every file settled but no manifest yet; the sweep
                // finishes it (and, with --flush, manifests sidecar files now).
                if (parse.GetValue(flush) || parse.GetValue(inbox))
                {
                    var sweep = await sdc.Ingest.Sweep.RunAsync(parse.GetValue(flush) ? TimeSpan.Zero : null, token);
                    manifests.UnionWith(sweep.Manifests);
                    foreach (var report in sweep.Files)
                    {
                        outcomes[report.FileName] = report;
                    }
                }
            }

            if (Console.IsErrorRedirected)
            {
                await DeliverAll(null);
            }
            else
            {
                await AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }).Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask($"ingesting {files.Count} files", maxValue: Math.Max(1, totalBytes));
                        await DeliverAll(bytes => task.Increment(bytes));
                    });
            }

            Print([.. files.Select(f => f.Name), .. replay.Select(StorageLayout.FileNameOf)], outcomes, manifests, sdc.Data.Root);
            var refused = outcomes.Values.Count(r => r.Outcome is IngestOutcome.Quarantined or IngestOutcome.Conflict or IngestOutcome.Rejected);
            return refused == 0 ? 0 : SomeRefused;
        }, ct));
        return command;
    }

    /// <summary>Data files first, each sidecar after its file, delivery records last: the MOC's order.</summary>
    private static List<FileInfo> DeliveryOrder(string[] paths)
    {
        var files = new List<FileInfo>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories));
            }
            else if (File.Exists(path))
            {
                files.Add(new FileInfo(path));
            }
            else
            {
                throw new UserError($"{path}: no such file or folder; give files or folders to deliver.");
            }
        }
        var duplicates = files.GroupBy(f => f.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new UserError($"{duplicates[0]}: given more than once (from different folders); the inbox holds one file per name.");
        }
        return [.. files.OrderBy(f => Rank(f.Name)).ThenBy(f => f.Name, StringComparer.Ordinal)];
    }

    private static async Task<List<string>> InboxOrderAsync(LocalSdc sdc, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var entry in sdc.Store.ListAsync(Buckets.Inbox, "", cancellationToken))
        {
            keys.Add(entry.Key);
        }
        return [.. keys.OrderBy(k => Rank(StorageLayout.FileNameOf(k))).ThenBy(k => k, StringComparer.Ordinal)];
    }

    private static int Rank(string name) => name.EndsWith(".pdr.json", StringComparison.Ordinal) ? 2 : name.EndsWith(".md5", StringComparison.Ordinal) ? 1 : 0;

    private static void Print(List<string> names, Dictionary<string, FileReport> outcomes, SortedSet<string> manifests, string dataRoot)
    {
        var table = new Table().AddColumns("file", "outcome", "code", "detail");
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (!outcomes.TryGetValue(name, out var report))
            {
                continue;
            }
            var colour = report.Outcome switch
            {
                IngestOutcome.Archived or IngestOutcome.Recorded => "green",
                IngestOutcome.Duplicate or IngestOutcome.Gone => "grey",
                IngestOutcome.Waiting => "yellow",
                _ => "red",
            };
            // The message starts with the file name, already in the first column.
            var message = report.Message.StartsWith(name + ": ", StringComparison.Ordinal) ? report.Message[(name.Length + 2)..] : report.Message;
            var detail = report.Destination is null ? message : $"{message} → {report.Destination}";
            table.AddRow(Markup.Escape(name), $"[{colour}]{report.Outcome.ToString().ToLowerInvariant()}[/]", report.Code, Markup.Escape(detail));
        }
        Terminal.Out.Write(table);
        var counts = outcomes.Values.GroupBy(r => r.Outcome).OrderBy(g => g.Key)
            .Select(g => $"{g.Count().ToString(CultureInfo.InvariantCulture)} {g.Key.ToString().ToLowerInvariant()}");
        Terminal.Out.MarkupLine(Markup.Escape($"{outcomes.Count} files: {string.Join(", ", counts)}. Data directory: {dataRoot}"));
        foreach (var manifest in manifests)
        {
            Terminal.Out.MarkupLine($"processing manifest: [bold]archive:{Markup.Escape(manifest)}[/]");
        }
        if (outcomes.Values.Any(r => r.Outcome == IngestOutcome.Waiting))
        {
            Terminal.Out.MarkupLine("[yellow]Waiting files stay in the inbox until their delivery record or .md5 sidecar arrives.[/]");
        }
        if (outcomes.Values.Any(r => r.Outcome is IngestOutcome.Quarantined or IngestOutcome.Conflict))
        {
            Terminal.Out.MarkupLine(Markup.Escape($"Quarantined files and their <name>.reason.json are under {Path.Combine(dataRoot, "buckets", "archive", "quarantine")}."));
        }
    }
}
