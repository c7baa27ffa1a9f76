using Sdc.Bench;

// Dispatches `Sdc.Bench <benchmark> [--option value ...]` to one benchmark class per file.
IBenchmark[] benchmarks = [new CatalogBenchmark(), new ApiLoadBenchmark(), new DownloadSeedBenchmark(), new StatesBenchmark(), new FitsBenchmark(), new DecodeBenchmark(), new EmirsFftBenchmark(), new IngestBenchmark(), new PipelineBenchmark()];

if (args.Length == 0 || args[0] is "-h" or "--help" || benchmarks.All(b => b.Name != args[0]))
{
    Console.Error.WriteLine("usage: Sdc.Bench <benchmark> [--option value ...]");
    foreach (var b in benchmarks)
    {
        Console.Error.WriteLine($"  {b.Name,-10} {b.Usage}");
    }

    return args.Length == 0 || args[0] is "-h" or "--help" ? 0 : 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var benchmark = benchmarks.First(b => b.Name == args[0]);
try
{
    return await benchmark.RunAsync(BenchArgs.Parse(args[1..]), cancel.Token);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"{benchmark.Name}: {e.Message}");
    Console.Error.WriteLine($"usage: Sdc.Bench {benchmark.Name} {benchmark.Usage}");
    return 2;
}
