using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Sdc.Ccsds;
using Sdc.Instruments;
using Sdc.Processors.Emr.Level0;
using Sdc.Processors.Emr.Spectral;

namespace Sdc.Bench;

/// <summary>
/// EMIRS spectra per second: a batch of N = 2048 interferograms (the truth's, ZPD moved −3…+3
/// samples, 2000 counts rms noise) apodized around their ZPD, transformed and turned into |X_k| by
/// the processor's <see cref="SpectrumTransform"/>, on one thread and on every core. With --dir,
/// writes the batch (scans.i32, zpd.i32: little-endian int32) and the first spectra (check.f64) for
/// bench/emirs-fft, which times numpy on the same batch and checks it gets the same numbers. Also
/// times <see cref="EmirsLevel0Decoder.Decode"/> on the batch packed as Level 0 packets.
/// </summary>
internal sealed class EmirsFftBenchmark : IBenchmark
{
    private const int CheckedSpectra = 16;

    public string Name => "emirs-fft";

    public string Usage => "[--scans 20000] [--runs 5] [--apodization hann] [--dir <folder for bench/emirs-fft's numpy run>]";

    public Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var scans = args.Int("scans", 20_000);
        var runs = args.Int("runs", 5);
        var apodizationName = args.Text("apodization") ?? "hann";
        var folder = args.Text("dir");
        args.RejectUnknown();
        if (!Apodization.TryParse(apodizationName, out var apodization))
        {
            throw new ArgumentException($"--apodization must be one of {string.Join(", ", Apodization.Names)}, got '{apodizationName}'.");
        }

        const int N = EmirsTruth.ScanLength;
        Print($"emirs-fft benchmark: {scans:N0} scans of {N} samples, apodization {Apodization.NameOf(apodization)}, {runs} timed runs after a warm-up");
        Print($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, Vector<double> of {System.Numerics.Vector<double>.Count}");
        var (samples, zpd) = Batch(scans);
        var bins = (N / 2) + 1;
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, "scans.i32"), MemoryMarshal.AsBytes(samples.AsSpan()).ToArray());
            File.WriteAllBytes(Path.Combine(folder, "zpd.i32"), MemoryMarshal.AsBytes(zpd.AsSpan()).ToArray());
            var check = new double[CheckedSpectra * bins];
            var transform = new SpectrumTransform(N, apodization);
            for (var s = 0; s < CheckedSpectra; s++)
            {
                transform.Magnitude(samples.AsSpan(s * N, N), zpd[s], check.AsSpan(s * bins, bins));
            }

            File.WriteAllBytes(Path.Combine(folder, "check.f64"), MemoryMarshal.AsBytes(check.AsSpan()).ToArray());
        }

        Measure("single", 1, runs, scans, () => Transform(samples, zpd, apodization, 0, scans), cancellationToken);
        var threads = Environment.ProcessorCount;
        Measure("threads", threads, runs, scans, () => TransformInParallel(samples, zpd, apodization, threads), cancellationToken);

        var level0 = Level0(samples, zpd);
        var decoded = 0;
        var decode = Time(runs, () =>
        {
            decoded = EmirsLevel0Decoder.Decode(new MemoryStream(level0, writable: false), cancellationToken).Scans.Count;
        }, cancellationToken);
        if (decoded != scans)
        {
            throw new InvalidOperationException($"Decoded {decoded} scans of {scans}.");
        }

        Print(string.Create(CultureInfo.InvariantCulture,
            $"decode (EmirsLevel0Decoder.Decode, {level0.Length / 1e6:0.0} MB of packets): median {scans / decode.Median:N0} scans/s = {level0.Length / decode.Median / 1e6:0} MB/s"));
        Print(string.Create(CultureInfo.InvariantCulture,
            $"RESULT impl=sdc mode=decode threads=1 scans={scans} per_s={scans / decode.Median:0} best_per_s={scans / decode.Best:0} mb_per_s={level0.Length / decode.Median / 1e6:0} cores={Environment.ProcessorCount}"));
        return Task.FromResult(0);
    }

    private static void Measure(string mode, int threads, int runs, int scans, Func<double> work, CancellationToken cancellationToken)
    {
        var checksum = 0.0;
        var (median, best) = Time(runs, () => checksum = work(), cancellationToken);
        Print(string.Create(CultureInfo.InvariantCulture,
            $"{mode,-8} {threads} thread(s): median {scans / median:N0} spectra/s, best {scans / best:N0} spectra/s ({median / scans * 1e6:0.00} us per spectrum; checksum {checksum:E6})"));
        Print(string.Create(CultureInfo.InvariantCulture,
            $"RESULT impl=sdc mode={mode} threads={threads} scans={scans} per_s={scans / median:0} best_per_s={scans / best:0} cores={Environment.ProcessorCount}"));
    }

    // One warm-up (JIT tiers settle), then the median and best of the timed runs, in seconds.
    private static (double Median, double Best) Time(int runs, Action work, CancellationToken cancellationToken)
    {
        work();
        var seconds = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            work();
            seconds.Add(clock.Elapsed.TotalSeconds);
        }

        seconds.Sort();
        return (seconds[seconds.Count / 2], seconds[0]);
    }

    // Scans first…first+count−1 with one transform and one output buffer; returns a checksum so the work is not optimised away.
    private static double Transform(int[] samples, int[] zpd, ApodizationFunction apodization, int first, int count)
    {
        const int N = EmirsTruth.ScanLength;
        var transform = new SpectrumTransform(N, apodization);
        var magnitude = new double[transform.Bins];
        var checksum = 0.0;
        for (var s = first; s < first + count; s++)
        {
            transform.Magnitude(samples.AsSpan(s * N, N), zpd[s], magnitude);
            checksum += magnitude[400];
        }

        return checksum;
    }

    private static double TransformInParallel(int[] samples, int[] zpd, ApodizationFunction apodization, int threads)
    {
        var scans = zpd.Length;
        var sums = new double[threads];
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            var first = (int)((long)scans * t / threads);
            var last = (int)((long)scans * (t + 1) / threads);
            sums[t] = Transform(samples, zpd, apodization, first, last - first);
        });
        return sums.Sum();
    }

    // The truth's interferograms (one per ZPD, as the simulator makes them) plus Gaussian noise, rounded.
    private static (int[] Samples, int[] Zpd) Batch(int scans)
    {
        const int N = EmirsTruth.ScanLength;
        var random = new Random(2021);
        var clean = Enumerable.Range(-3, 7).ToDictionary(d => EmirsTruth.NominalZpdIndex + d, d => EmirsTruth.Interferogram(EmirsTruth.NominalZpdIndex + d));
        var samples = new int[scans * N];
        var zpd = new int[scans];
        for (var s = 0; s < scans; s++)
        {
            zpd[s] = EmirsTruth.NominalZpdIndex + (s % 7) - 3;
            var interferogram = clean[zpd[s]];
            for (var n = 0; n < N; n++)
            {
                // Box–Muller: 1 − U keeps the logarithm finite.
                var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                samples[(s * N) + n] = (int)Math.Round(interferogram[n] + (EmirsTruth.NoiseCounts * gaussian));
            }
        }

        return (samples, zpd);
    }

    // The batch as an EMIRS Level 0 file: four 512-sample segments per scan, a minute apart.
    private static byte[] Level0(int[] samples, int[] zpd)
    {
        const int N = EmirsTruth.ScanLength;
        const int PerSegment = EmirsInterferogramSegment.DefaultSegmentSamples;
        using var stream = new MemoryStream();
        using (var writer = new SpacePacketWriter(stream, leaveOpen: true))
        {
            var payload = new byte[EmirsInterferogramSegment.PayloadLength(PerSegment, EmirsSampleFormat.FourBytes)];
            var start = CucTime.FromDateTime(new DateTime(2021, 2, 24, 0, 0, 0, DateTimeKind.Utc));
            for (var s = 0; s < zpd.Length; s++)
            {
                var time = CucTime.FromSeconds(start.TotalSeconds + (60.0 * s));
                for (var g = 0; g < N / PerSegment; g++)
                {
                    var header = new EmirsSegmentHeader((uint)s, g, N / PerSegment, N, zpd[s], g * PerSegment, PerSegment, EmirsTruth.DetectorTemperatureK, EmirsSampleFormat.FourBytes, EmirsScene.Mars);
                    var length = EmirsInterferogramSegment.Encode(header, samples.AsSpan((s * N) + (g * PerSegment), PerSegment), payload);
                    writer.Write(EmirsInterferogramSegment.Apid, time, payload.AsSpan(0, length));
                }
            }
        }

        return stream.ToArray();
    }

    private static void Print(string line) => Console.WriteLine(line);
}
