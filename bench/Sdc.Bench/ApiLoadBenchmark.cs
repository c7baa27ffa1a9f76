using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Sdc.Catalog;

namespace Sdc.Bench;

/// <summary>
/// The catalog side of the API load benchmark (<c>bench/api</c>, where wrk does the measuring):
/// creates a PostgreSQL database, migrates it, registers the catalog benchmark's EMM-shaped rows,
/// refreshes statistics, vacuums, and writes the request paths wrk's Lua scripts replay — product searches
/// as the portal makes them, and metadata look-ups of products that exist. With <c>--drop</c>, only
/// removes the database again.
/// </summary>
internal sealed class ApiLoadBenchmark : IBenchmark
{
    // Product levels: the search route lists products and quicklooks (Level 0 is under /v1/files).
    private static readonly string[] ProductLevels = ["l1", "l2", "ql"];

    private static readonly string[] Instruments = ["exi", "emr", "emu"];

    private static readonly TimeSpan OrbitPeriod = TimeSpan.FromHours(54.5);

    public string Name => "api-load";

    public string Usage =>
        "--catalog <Npgsql admin connection string> --database <new name> --out <dir> [--rows 1000000] [--batch 50000] " +
        "[--requests 20000] [--seed 42]  |  --catalog <…> --database <name> --drop yes";

    public async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var admin = args.RequiredText("catalog");
        var database = args.RequiredText("database");
        if (args.Text("drop") is "yes" or "true")
        {
            args.RejectUnknown();
            await PostgresDatabases.DropAsync(admin, database, cancellationToken);
            return 0;
        }

        var output = args.RequiredText("out");
        var rows = args.Int("rows", 1_000_000);
        var batch = args.Int("batch", 50_000);
        var requests = args.Int("requests", 20_000);
        var seed = args.Int("seed", 42);
        args.RejectUnknown();

        var spec = await PostgresDatabases.CreateAsync(admin, database, cancellationToken);
        await using var catalog = await CatalogFactory.OpenAsync(spec, cancellationToken);
        await catalog.MigrateAsync(cancellationToken);
        Print($"api-load: {rows:N0} rows into database {database}, batches of {batch:N0}, seed {seed}");
        Print($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");

        var load = await CatalogBenchmark.LoadAsync(catalog, new CatalogWorkload(rows, seed), rows, batch, cancellationToken);
        Print($"bulk registration: {rows:N0} rows in {load.TotalSeconds:0.0} s = {rows / load.TotalSeconds:N0} rows/s");
        var analyze = Stopwatch.StartNew();
        await catalog.OptimizeAsync(cancellationToken);
        Print($"statistics refreshed (ANALYZE) in {analyze.Elapsed.TotalSeconds:0.0} s");
        var vacuum = Stopwatch.StartNew();
        await PostgresDatabases.VacuumAsync(spec, cancellationToken);
        Print($"VACUUM in {vacuum.Elapsed.TotalSeconds:0.0} s (before the load runs, not during them)");

        Directory.CreateDirectory(output);
        var searches = Searches(requests, seed).ToList();
        await File.WriteAllLinesAsync(Path.Combine(output, "searches.txt"), searches, cancellationToken);
        var products = await ProductPathsAsync(catalog, rows, requests, seed, cancellationToken);
        await File.WriteAllLinesAsync(Path.Combine(output, "products.txt"), products, cancellationToken);
        Print($"request lists: {searches.Count:N0} searches, {products.Count:N0} product look-ups in {output}");
        Print(string.Create(CultureInfo.InvariantCulture, $"RESULT rows={rows} rows_per_s={rows / load.TotalSeconds:0} catalog={spec}"));
        return 0;
    }

    /// <summary>
    /// Searches as a scientist makes them in the portal: one instrument, one UTC day somewhere in
    /// the mission, usually one level, sometimes one orbit of that day; the API's default page (100).
    /// </summary>
    private static IEnumerable<string> Searches(int count, int seed)
    {
        var random = new Random(seed);
        var days = (int)CatalogWorkload.MissionSpan.TotalDays;
        for (var i = 0; i < count; i++)
        {
            var from = CatalogWorkload.MissionStart.AddDays(random.Next(days));
            var path = string.Create(CultureInfo.InvariantCulture,
                $"/v1/products?instrument={Instruments[random.Next(Instruments.Length)]}&from={from:yyyy-MM-dd'T'HH:mm:ss'Z'}&to={from.AddDays(1):yyyy-MM-dd'T'HH:mm:ss'Z'}");
            if (random.Next(10) < 7)
            {
                path += "&level=" + ProductLevels[random.Next(ProductLevels.Length)];
            }

            if (random.Next(4) == 0)
            {
                // An orbit under way during that day (orbits are 54.5 h: one or two per day).
                var orbit = 1 + (int)((from.AddHours(random.NextDouble() * 24) - CatalogWorkload.MissionStart) / OrbitPeriod);
                path += string.Create(CultureInfo.InvariantCulture, $"&orbit={orbit}");
            }

            yield return path;
        }
    }

    /// <summary>Metadata paths of products (and quicklooks) picked uniformly among the catalog's ids, old versions included.</summary>
    private static async Task<List<string>> ProductPathsAsync(ICatalog catalog, int rows, int count, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed + 1);
        var paths = new List<string>(count);
        for (var attempts = 0; paths.Count < count && attempts < count * 10; attempts++)
        {
            // Identity ids of a fresh database run from 1 to the number of rows.
            var file = await catalog.Files.FindByIdAsync(random.NextInt64(1, rows + 1), cancellationToken);
            if (file is { Kind: FileKind.Product or FileKind.Quicklook })
            {
                paths.Add(string.Create(CultureInfo.InvariantCulture, $"/v1/products/{file.Id}"));
            }
        }

        return paths.Count > 0 ? paths : throw new InvalidOperationException("No products found to look up.");
    }

    private static void Print(string line) => Console.WriteLine(line);
}
