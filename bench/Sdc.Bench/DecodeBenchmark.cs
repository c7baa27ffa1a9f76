using System.Diagnostics;
using System.Globalization;
using Sdc.Mission;
using Sdc.Processors.Emr.Level0;
using Sdc.Processors.Emu.Level0;
using Sdc.Processors.Exi.Level0;
using Sdc.Simulator;

namespace Sdc.Bench;

/// <summary>
/// Level 0 → Level 1 decode throughput of each instrument's processor: the simulator writes a day
/// of Level 0 at the given scale, each instrument's files are read into memory, and the
/// processor's own decoder (CCSDS walk, sequence checks, payload unpacking into the Level 1
/// arrays) runs over them. Reports MB/s (10^6 bytes of Level 0 per second), median and best.
/// </summary>
internal sealed class DecodeBenchmark : IBenchmark
{
    public string Name => "decode";

    public string Usage => "[--scale 25] [--orbits 4] [--runs 5]";

    public async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var scale = args.Double("scale", 25);
        var orbits = args.Int("orbits", 4);
        var runs = args.Int("runs", 5);
        args.RejectUnknown();

        var folder = Directory.CreateTempSubdirectory("sdc-decode-bench-").FullName;
        try
        {
            var mission = MissionLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "mission.yaml"));
            Console.WriteLine($"decode benchmark: simulating {orbits} orbit(s) at scale {scale} into {folder}…");
            var simulation = await new MissionSimulator(mission).RunAsync(
                new SimulationOptions(SimulationOptions.ScienceInstruments, new DateTime(2021, 2, 24, 0, 0, 0, DateTimeKind.Utc), orbits, folder) { Scale = scale },
                cancellationToken: cancellationToken);
            Console.WriteLine($"machine: {Environment.ProcessorCount} core(s); each decoder runs on one thread over files already in memory");
            var decoders = new (string Instrument, Func<Stream, Task> Decode)[]
            {
                ("exi", stream => ExiLevel0Decoder.DecodeAsync(stream, cancellationToken)),
                ("emr", stream => Task.FromResult(EmirsLevel0Decoder.Decode(stream, cancellationToken))),
                ("emu", stream => Task.FromResult(EmusLevel0Decoder.Decode(stream))),
            };
            foreach (var (instrument, decode) in decoders)
            {
                var files = simulation.Files.Where(f => f.Kind == SimulatedFileKind.Science && f.Instrument == instrument)
                    .Select(f => File.ReadAllBytes(f.Path)).ToList();
                var bytes = files.Sum(f => (long)f.Length);
                await DecodeAllAsync(files, decode);
                var seconds = new List<double>();
                for (var run = 0; run < runs; run++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var clock = Stopwatch.StartNew();
                    await DecodeAllAsync(files, decode);
                    seconds.Add(clock.Elapsed.TotalSeconds);
                }
                seconds.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"RESULT instrument={instrument} files={files.Count} bytes={bytes} median_s={seconds[seconds.Count / 2]:0.000} mb_per_s={bytes / seconds[seconds.Count / 2] / 1e6:0} best_mb_per_s={bytes / seconds[0] / 1e6:0} cores={Environment.ProcessorCount}"));
            }
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task DecodeAllAsync(List<byte[]> files, Func<Stream, Task> decode)
    {
        foreach (var file in files)
        {
            await decode(new MemoryStream(file, writable: false));
        }
    }
}
