using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Sdc.Formats.Fits;

namespace Sdc.Bench;

/// <summary>
/// FITS write throughput of Sdc.Formats: a 4096×4096 float32 image, the same size of int16 image, and
/// a 1,000,000-row BINTABLE (9 columns, 40-byte rows: D J E E I L B K 8A), each written N times with
/// and without DATASUM/CHECKSUM, each time to a new file (as astropy's writeto does: it removes the
/// old file first). Reports MB/s (10^6 bytes of file per second; median and best run). With --dir, also
/// leaves one reference file per case there, so that bench/fits has astropy write the same arrays.
/// </summary>
internal sealed class FitsBenchmark : IBenchmark
{
    public string Name => "fits";

    public string Usage =>
        "[--size 4096] [--rows 1000000] [--runs 7] [--warmup 1] [--dir <folder>] " +
        "(dir: where to write, keeping <case>.fits references for bench/fits's astropy run; default: a temp folder, removed)";

    public async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var size = args.Int("size", 4096);
        var rows = args.Int("rows", 1_000_000);
        var runs = args.Int("runs", 7);
        var warmup = args.Text("warmup") is null ? 1 : args.Int("warmup", 1);
        var keep = args.Text("dir");
        args.RejectUnknown();

        var folder = keep ?? Directory.CreateTempSubdirectory("sdc-fits-bench-").FullName;
        Directory.CreateDirectory(folder);
        try
        {
            Print($"fits benchmark: {runs} timed write(s) per case after {warmup} warm-up(s), each to a new file in {folder}");
            Print($"machine: {Environment.ProcessorCount} core(s), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
            var cases = new (string Name, Func<FitsFile> Make)[]
            {
                ($"image-f32-{size}", () => new FitsFile(new ImageHdu(FloatImage(size), size, size))),
                ($"image-i16-{size}", () => new FitsFile(new ImageHdu(ShortImage(size), size, size))),
                ($"table-{rows}", () => new FitsFile(new ImageHdu(), Table(rows))),
            };
            foreach (var (name, make) in cases)
            {
                var file = make();
                foreach (var checksums in new[] { false, true })
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var options = new FitsWriteOptions { Checksums = checksums };
                    var (bytes, seconds) = Measure(file, options, folder, name, runs, warmup);
                    seconds.Sort();
                    var median = seconds[seconds.Count / 2];
                    Print(string.Create(
                        CultureInfo.InvariantCulture,
                        $"RESULT impl=sdc case={name} checksum={(checksums ? "yes" : "no")} bytes={bytes} median_s={median:0.0000} best_s={seconds[0]:0.0000} mb_per_s={bytes / median / 1e6:0} best_mb_per_s={bytes / seconds[0] / 1e6:0} cores={Environment.ProcessorCount}"));
                }

                if (keep is not null)
                {
                    await file.SaveAsync(Path.Combine(folder, name + ".fits"), cancellationToken: cancellationToken);
                }
            }
        }
        finally
        {
            if (keep is null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        return 0;
    }

    private static (long Bytes, List<double> Seconds) Measure(FitsFile file, FitsWriteOptions options, string folder, string name, int runs, int warmup)
    {
        var seconds = new List<double>();
        long bytes = 0;
        for (var run = 0; run < warmup + runs; run++)
        {
            var path = Path.Combine(folder, $"{name}.run{run}.fits");
            var clock = Stopwatch.StartNew();
            file.Save(path, options);
            var elapsed = clock.Elapsed.TotalSeconds;
            bytes = new FileInfo(path).Length;
            File.Delete(path);
            if (run >= warmup)
            {
                seconds.Add(elapsed);
            }
        }

        return (bytes, seconds);
    }

    private static float[] FloatImage(int size)
    {
        var random = new Random(1);
        var pixels = new float[size * size];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (float)(1000 + (random.NextDouble() * 50));
        }

        return pixels;
    }

    private static short[] ShortImage(int size)
    {
        var random = new Random(2);
        var pixels = new short[size * size];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (short)random.Next(-2000, 30000);
        }

        return pixels;
    }

    private static BinaryTableHdu Table(int rows)
    {
        var random = new Random(3);
        var time = new double[rows];
        var counts = new int[rows];
        var rate = new float[rows];
        var error = new float[rows];
        var quality = new short[rows];
        var flag = new bool[rows];
        var channel = new byte[rows];
        var id = new long[rows];
        var target = new string[rows];
        string[] targets = ["MARS", "DEIMOS", "PHOBOS", "SKY"];
        for (var i = 0; i < rows; i++)
        {
            time[i] = 7.2e8 + (i * 0.01);
            counts[i] = random.Next(0, 100_000);
            rate[i] = counts[i] / 0.01f;
            error[i] = MathF.Sqrt(counts[i]);
            quality[i] = (short)(i % 16);
            flag[i] = i % 7 == 0;
            channel[i] = (byte)(i % 256);
            id[i] = 1_000_000_000_000L + i;
            target[i] = targets[i % targets.Length];
        }

        return new BinaryTableHdu(
            new FitsColumn("TIME", time) { Unit = "s" },
            new FitsColumn("COUNTS", counts),
            new FitsColumn("RATE", rate) { Unit = "count/s" },
            new FitsColumn("ERROR", error) { Unit = "count/s" },
            new FitsColumn("QUALITY", quality),
            new FitsColumn("FLAG", flag),
            new FitsColumn("CHANNEL", channel),
            new FitsColumn("ID", id),
            new FitsColumn("TARGET", target, 8))
        { Name = "EVENTS" };
    }

    private static void Print(string line) => Console.WriteLine(line);
}
