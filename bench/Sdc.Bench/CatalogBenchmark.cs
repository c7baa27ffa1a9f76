using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Sdc.Catalog;

namespace Sdc.Bench;

/// <summary>
/// Bulk registration throughput and time-window search latency of the catalog on one engine:
/// registers N EMM-shaped rows through <see cref="IFileCatalog.RegisterManyAsync"/> in
/// delivery-sized batches, refreshes statistics, then times random searches.
/// </summary>
internal sealed class CatalogBenchmark : IBenchmark
{
    private const int WarmUpSearches = 20;

    public string Name => "catalog";

    public string Usage =>
        "--engine sqlite|postgres --catalog <spec> [--rows 1000000] [--searches 1000] [--batch 50000] [--seed 42] " +
        "[--fresh yes] (fresh: run in a new database on the server, or a new file, removed afterwards)";

    public async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var engine = args.RequiredText("engine") switch
        {
            "sqlite" => CatalogEngine.Sqlite,
            "postgres" => CatalogEngine.Postgres,
            var other => throw new ArgumentException($"--engine must be sqlite or postgres, got '{other}'."),
        };
        var spec = args.RequiredText("catalog");
        var rows = args.Int("rows", 1_000_000);
        var searches = args.Int("searches", 1000);
        var batch = args.Int("batch", 50_000);
        var seed = args.Int("seed", 42);
        var fresh = args.Text("fresh") is "yes" or "true";
        args.RejectUnknown();

        await using var scratch = fresh ? await Scratch.CreateAsync(engine, spec, cancellationToken) : null;
        await using var catalog = await CatalogFactory.OpenAsync(scratch?.Spec ?? spec, cancellationToken);
        if (catalog.Engine != engine)
        {
            throw new ArgumentException($"--catalog names a {catalog.Engine} catalog, but --engine is {engine}.");
        }

        await catalog.MigrateAsync(cancellationToken);
        if ((await catalog.GetStatsAsync(cancellationToken)).TotalFiles > 0)
        {
            throw new ArgumentException("The catalog already has files; give an empty one (or --fresh yes).");
        }

        var label = engine.ToString().ToLowerInvariant();
        Print($"catalog benchmark: engine {label}, {rows:N0} rows, {searches:N0} searches, batches of {batch:N0}, seed {seed}");
        Print($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");

        var workload = new CatalogWorkload(rows, seed);
        var load = await LoadAsync(catalog, workload, rows, batch, cancellationToken);
        var rowsPerSecond = rows / load.TotalSeconds;
        Print($"bulk registration: {rows:N0} rows in {load.TotalSeconds:0.0} s = {rowsPerSecond:N0} rows/s");

        var analyze = Stopwatch.StartNew();
        await catalog.OptimizeAsync(cancellationToken);
        Print($"statistics refreshed (ANALYZE) in {analyze.Elapsed.TotalSeconds:0.0} s");

        var (latencies, found) = await SearchAsync(catalog, workload, searches, cancellationToken);
        Print($"searches: {latencies.Count:N0} random windows (1 h to 4 d, 60% filtered), page size 100, {found / (double)latencies.Count:0.0} results per search on average");
        Print($"search latency: {latencies.Summary()}");
        Print(string.Create(
            CultureInfo.InvariantCulture,
            $"RESULT engine={label} rows={rows} rows_per_s={rowsPerSecond:0} p50_ms={latencies.Percentile(50):0.00} p95_ms={latencies.Percentile(95):0.00} p99_ms={latencies.Percentile(99):0.00} max_ms={latencies.Max:0.00} cores={Environment.ProcessorCount}"));
        return 0;
    }

    /// <summary>Registers the workload's rows in batches; returns the time spent registering (not making the rows).</summary>
    internal static async Task<TimeSpan> LoadAsync(ICatalog catalog, CatalogWorkload workload, int rows, int batch, CancellationToken cancellationToken)
    {
        var registering = TimeSpan.Zero;
        var done = 0;
        var nextReport = rows / 10;
        foreach (var chunk in workload.Files().Chunk(batch))
        {
            // Only the registration is timed, not making up the rows.
            var clock = Stopwatch.StartNew();
            var result = await catalog.Files.RegisterManyAsync(chunk, cancellationToken);
            registering += clock.Elapsed;
            if (result.Registered != chunk.Length)
            {
                throw new InvalidOperationException(
                    $"Expected {chunk.Length} new rows, got {result.Registered} ({result.Duplicates} duplicates, {result.ConflictKeys.Count} conflicts).");
            }

            done += chunk.Length;
            if (done >= nextReport || done == rows)
            {
                Print($"  {done,10:N0} rows  {done / registering.TotalSeconds,10:N0} rows/s so far");
                nextReport += rows / 10;
            }
        }

        return registering;
    }

    private static async Task<(Latencies Latencies, long Found)> SearchAsync(
        ICatalog catalog, CatalogWorkload workload, int count, CancellationToken cancellationToken)
    {
        // Warm-up: JIT, connection pool and plan caches, not measured.
        foreach (var query in workload.Searches(WarmUpSearches))
        {
            await catalog.Files.SearchAsync(query, cancellationToken);
        }

        var latencies = new Latencies();
        long found = 0;
        foreach (var query in workload.Searches(WarmUpSearches + count).Skip(WarmUpSearches))
        {
            var clock = Stopwatch.StartNew();
            var page = await catalog.Files.SearchAsync(query, cancellationToken);
            latencies.Add(clock.Elapsed);
            found += page.Items.Count;
        }

        return (latencies, found);
    }

    private static void Print(string line) => Console.WriteLine(line);

    /// <summary>A throwaway catalog: a new database on the server of the given spec, or a new file; removed on dispose.</summary>
    private sealed class Scratch : IAsyncDisposable
    {
        private readonly Func<Task> _remove;

        private Scratch(string spec, Func<Task> remove)
        {
            Spec = spec;
            _remove = remove;
        }

        public string Spec { get; }

        public static async Task<Scratch> CreateAsync(CatalogEngine engine, string spec, CancellationToken cancellationToken)
        {
            if (engine == CatalogEngine.Sqlite)
            {
                RemoveSqlite(spec);
                return new Scratch(spec, () =>
                {
                    RemoveSqlite(spec);
                    return Task.CompletedTask;
                });
            }

            var admin = spec;
            var name = PostgresDatabases.NewName();
            var target = await PostgresDatabases.CreateAsync(admin, name, cancellationToken);
            return new Scratch(target, () => PostgresDatabases.DropAsync(admin, name, CancellationToken.None));
        }

        public async ValueTask DisposeAsync() => await _remove();

        private static void RemoveSqlite(string path)
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                if (File.Exists(file))
                {
                    File.Delete(file);
                }
            }
        }
    }
}
