using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Sdc.Cli.Remote;
using Spectre.Console;

namespace Sdc.Cli.Commands;

/// <summary>
/// <c>sdc download &lt;ids | query&gt; --to DIR</c>: products by id, or every product a query
/// matches, fetched in parallel with progress, resumed when interrupted, checked against the
/// catalog's SHA-256, and skipped when already present and right.
/// </summary>
internal static class DownloadCommand
{
    /// <summary>Exit code when some file could not be fetched or did not match its checksum.</summary>
    public const int SomeFailed = 4;

    private const int MaxQueryProducts = 100_000;

    public static Command Create()
    {
        var ids = new Argument<long[]>("ids") { Description = "Product or file ids (omit to download what the query options match)", Arity = ArgumentArity.ZeroOrMore };
        var to = new Option<string>("--to") { Description = "Folder to download into (created if missing)", Required = true };
        var parallel = new Option<int>("--parallel") { Description = "Files fetched at once", DefaultValueFactory = _ => 4 };
        var command = new Command("download", "Download products by id or by query, verified against their checksums") { ids, RemoteOptions.Endpoint, to, parallel };
        foreach (var option in RemoteOptions.Query)
        {
            command.Add(option);
        }
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var given = parse.GetValue(ids) ?? [];
            if (given.Length > 0 == RemoteOptions.HasQuery(parse))
            {
                throw new UserError("Give either product ids or query options (--instrument, --level, --from, …), not both and not neither.");
            }
            var parallelism = parse.GetValue(parallel);
            if (parallelism is < 1 or > 32)
            {
                throw new UserError($"--parallel {parallelism}: expected 1 to 32.");
            }
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            var api = SdcApiClient.Open(http, CredentialStore.ForCurrentUser(), parse.GetValue(RemoteOptions.Endpoint));
            var wanted = given.Length > 0 ? [.. given.Distinct()] : await QueryIdsAsync(api, parse, token);
            if (wanted.Count == 0)
            {
                Terminal.Out.MarkupLine("Nothing matches the query.");
                return 0;
            }

            var items = new List<DownloadItem>();
            foreach (var chunk in wanted.Chunk(1000))
            {
                var list = await api.PostJsonAsync("v1/downloads", new JsonObject { ["ids"] = new JsonArray([.. chunk.Select(i => (JsonNode)i)]) }, token);
                items.AddRange(list["files"]!.AsArray().OfType<JsonObject>().Select(f => new DownloadItem(
                    (long)f["id"]!, (string)f["name"]!, (long)f["sizeBytes"]!, (string)f["sha256"]!, new Uri((string)f["url"]!))));
            }

            var folder = Path.GetFullPath(parse.GetValue(to)!);
            var totalBytes = items.Sum(i => i.SizeBytes);
            var started = DateTimeOffset.UtcNow;
            var results = await WithProgressAsync(items, totalBytes, (progress) =>
                new Downloader(http, parallelism) { Progress = progress }.DownloadAsync(items, folder, token));
            var seconds = Math.Max((DateTimeOffset.UtcNow - started).TotalSeconds, 1e-3);

            var failed = results.Where(r => r.Value.Outcome is DownloadOutcome.Failed or DownloadOutcome.ChecksumMismatch).ToList();
            foreach (var (item, (outcome, error)) in failed)
            {
                Terminal.Error($"{item.Name}: {outcome}: {error}");
            }
            var fetched = results.Where(r => r.Value.Outcome == DownloadOutcome.Downloaded).Sum(r => r.Key.SizeBytes);
            Terminal.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{results.Count(r => r.Value.Outcome == DownloadOutcome.Downloaded)} downloaded, " +
                $"{results.Count(r => r.Value.Outcome == DownloadOutcome.AlreadyPresent)} already present, {failed.Count} failed; " +
                $"{fetched / 1e6:0.0} MB in {seconds:0.0} s ({fetched / 1e6 / seconds:0.0} MB/s) into {folder}")));
            return failed.Count == 0 ? 0 : SomeFailed;
        }, ct));
        return command;
    }

    private static async Task<List<long>> QueryIdsAsync(SdcApiClient api, ParseResult parse, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        string? cursor = null;
        do
        {
            var page = await api.GetJsonAsync("v1/products" + SdcApiClient.Query([.. RemoteOptions.QueryParameters(parse), ("limit", "1000"), ("cursor", cursor)]),
                cancellationToken);
            ids.AddRange(page["products"]!.AsArray().Select(p => (long)p!["id"]!));
            cursor = page["nextCursor"]?.GetValue<string>();
            if (ids.Count > MaxQueryProducts)
            {
                throw new UserError($"The query matches more than {MaxQueryProducts} products; narrow it (--from/--to, --level, --instrument).");
            }
        }
        while (cursor is not null);
        return ids;
    }

    /// <summary>Progress bars on the terminal (one for the whole download, one per file in flight); plain output when piped.</summary>
    private static async Task<T> WithProgressAsync<T>(List<DownloadItem> items, long totalBytes, Func<Action<DownloadItem, long>, Task<T>> run)
    {
        if (Console.IsErrorRedirected)
        {
            return await run((_, _) => { });
        }
        return await Terminal.Err.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var overall = context.AddTask($"{items.Count} file(s)", maxValue: Math.Max(totalBytes, 1));
                var perFile = new System.Collections.Concurrent.ConcurrentDictionary<long, (ProgressTask Task, long Seen)>();
                var gate = new object();
                return await run((item, bytes) =>
                {
                    lock (gate)
                    {
                        var (task, seen) = perFile.GetOrAdd(item.Id, _ => (context.AddTask(Markup.Escape(item.Name), maxValue: Math.Max(item.SizeBytes, 1)), 0));
                        task.Value = bytes;
                        overall.Increment(bytes - seen);
                        perFile[item.Id] = (task, bytes);
                        if (bytes >= item.SizeBytes)
                        {
                            task.StopTask();
                        }
                    }
                });
            });
    }
}
