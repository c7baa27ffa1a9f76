using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Sdc.Catalog;
using Sdc.Ingest;
using Sdc.Ingest.Layout;
using Sdc.Ingest.Manifests;
using Sdc.Mission;
using Sdc.Simulator;
using Sdc.Storage.FileSystem;

namespace Sdc.Bench;

/// <summary>
/// Integrity throughput of ingest (issue 5) beside <c>sha256sum</c> and <c>md5sum</c> of the same
/// files in the same run. The simulator writes a day of Level 0 (four orbits, scaled to reach
/// <c>--gib</c>); each run drops every file into the inbox of a fresh file-system store and SQLite
/// catalog, the delivery record last, calling <see cref="IntegrityHandler.HandleAsync"/> after each
/// put as the object-created events would. Only the handler calls are timed: one read per file with
/// MD5, SHA-256 and the CCSDS packet walk, catalog registration, the move to the archive, the manifest.
/// The tools run as one process each over the simulator's originals. Every file is read once before
/// any timing (dropping the page cache needs root), so every pass reads from memory.
/// </summary>
internal sealed class IngestBenchmark : IBenchmark
{
    private const double TargetPercent = 80;
    private const double BytesPerGiB = 1L << 30;
    private const int Orbits = 4;

    private static readonly DateTime Start = new(2021, 2, 24, 0, 0, 0, DateTimeKind.Utc);

    public string Name => "ingest";

    public string Usage =>
        "[--gib 2] [--runs 3] [--work <folder>] [--parallelism N] " +
        "(work: where the simulated files, buckets and catalogs go, in a new subfolder removed afterwards; default the temp folder; " +
        "parallelism: IngestOptions.Parallelism, files of a delivery checked at once; default its own, the core count)";

    public async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var gib = args.Double("gib", 2);
        var runs = args.Int("runs", 3);
        var workParent = args.Text("work");
        var defaults = new IngestOptions();
        var options = defaults with { Parallelism = args.Int("parallelism", defaults.Parallelism) };
        args.RejectUnknown();

        var work = workParent is null
            ? Directory.CreateTempSubdirectory("sdc-ingest-bench-").FullName
            : Directory.CreateDirectory(Path.Combine(Path.GetFullPath(workParent), $"sdc-ingest-bench-{Guid.NewGuid():N}"[..26])).FullName;
        try
        {
            var mission = MissionLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "mission.yaml"));
            var target = (long)Math.Ceiling(gib * BytesPerGiB);
            Print($"ingest benchmark: simulating {Orbits} orbits of Level 0 to reach {gib:0.###} GiB ({target:N0} bytes) in {work}…");
            var clock = Stopwatch.StartNew();
            var (simulation, scale) = await SimulateAsync(mission, target, Path.Combine(work, "moc"), cancellationToken);
            var dataFiles = simulation.Files.Where(f => f.Kind != SimulatedFileKind.DeliveryRecord).ToList();
            var bytes = dataFiles.Sum(f => f.Size);
            Print($"simulated {dataFiles.Count} data files + 1 delivery record, {bytes:N0} bytes ({bytes / BytesPerGiB:0.00} GiB; largest file {dataFiles.Max(f => f.Size) / 1e6:0} MB) " +
                  $"at scale {scale:0.##} in {clock.Elapsed.TotalSeconds:0.0} s");
            Print($"machine: {Environment.ProcessorCount} core(s), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; " +
                  $"the handler checks up to {options.Parallelism} file(s) at once (IngestOptions.Parallelism); sha256sum and md5sum are one single-threaded process each");

            clock.Restart();
            await WarmAsync(dataFiles, cancellationToken);
            await SyncAsync(cancellationToken);
            Print($"page cache: every file read once ({bytes / clock.Elapsed.TotalSeconds / 1e6:0} MB/s) and flushed before the timings (dropping the cache needs root), " +
                  "so every pass reads from memory (the inbox copies too: the store writes them through the cache)");

            var integrity = new List<Pass>();
            var sha256 = new List<Pass>();
            var md5 = new List<Pass>();
            for (var run = 1; run <= runs; run++)
            {
                var (ingest, manifest) = await IngestAsync(mission, options, simulation, Path.Combine(work, $"run{run}"), cancellationToken);
                integrity.Add(ingest);
                var (sha256Pass, sha256Digests) = await RunToolAsync("sha256sum", dataFiles, cancellationToken);
                sha256.Add(sha256Pass);
                var (md5Pass, md5Digests) = await RunToolAsync("md5sum", dataFiles, cancellationToken);
                md5.Add(md5Pass);
                CrossCheck(dataFiles, manifest, sha256Digests, md5Digests);
                Print($"run {run}/{runs}: integrity {Describe(ingest, bytes)} (this process {ingest.OwnCores:0.0})   sha256sum {Describe(sha256Pass, bytes)}   md5sum {Describe(md5Pass, bytes)}");
            }
            Print("every run: the manifest and catalog hold each file's size, MD5 and SHA-256 as the simulator, sha256sum and md5sum have them; " +
                  "busy = cores the whole machine kept busy during the pass, from /proc/stat (each tool uses one; more means other processes ran)");

            var files = dataFiles.Count;
            var integrityTimes = Timings.Of(integrity);
            var sha256Times = Timings.Of(sha256);
            var md5Times = Timings.Of(md5);
            var combinedTimes = new Timings(sha256Times.Median + md5Times.Median, sha256Times.Best + md5Times.Best, Pass.BusyCores([.. sha256, .. md5]));
            PrintResult("integrity", files, bytes, runs, integrityTimes, $"parallelism={options.Parallelism} own_cores={integrity.Sum(p => p.OwnCpuSeconds) / integrity.Sum(p => p.Seconds):0.00}");
            PrintResult("sha256sum", files, bytes, runs, sha256Times, "");
            PrintResult("md5sum", files, bytes, runs, md5Times, "");
            PrintResult("sha256sum+md5sum", files, bytes, runs, combinedTimes, "");
            var percent = combinedTimes.Median / integrityTimes.Median * 100;
            var bestPercent = combinedTimes.Best / integrityTimes.Best * 100;
            Print($"integrity is {percent:0}% of sha256sum + md5sum's combined rate (median; best {bestPercent:0}%); target >= {TargetPercent:0}%: {(percent >= TargetPercent ? "met" : "NOT met")}");
            Print(string.Create(CultureInfo.InvariantCulture,
                $"RESULT summary=ratio percent={percent:0.0} best_percent={bestPercent:0.0} target_percent={TargetPercent:0} met={(percent >= TargetPercent ? "yes" : "no")} cores={Environment.ProcessorCount} parallelism={options.Parallelism} scale={scale:0.##}"));
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// A day of Level 0 of at least <paramref name="target"/> bytes (delivery record aside). The
    /// volume grows linearly with the scale above a fixed part (kernels, calibration, housekeeping,
    /// dark and flat frames), fitted from two small runs; the scale is raised if rounding fell short.
    /// </summary>
    private static async Task<(SimulationResult Result, double Scale)> SimulateAsync(
        Mission.Mission mission, long target, string folder, CancellationToken cancellationToken)
    {
        const double Low = 2;
        const double High = 6;
        var low = DataBytes(await SimulateAtAsync(mission, Low, folder, cancellationToken));
        var high = DataBytes(await SimulateAtAsync(mission, High, folder, cancellationToken));
        var perScale = (high - low) / (High - Low);
        var scale = Math.Max(0.01, Low + ((target - low) / perScale));
        for (var attempt = 0; ; attempt++)
        {
            var result = await SimulateAtAsync(mission, scale, folder, cancellationToken);
            var bytes = DataBytes(result);
            if (bytes >= target)
            {
                return (result, scale);
            }
            if (attempt == 3)
            {
                throw new InvalidOperationException($"The simulation reached only {bytes:N0} of {target:N0} bytes at scale {scale}.");
            }
            scale *= 1.01 * target / bytes;
        }
    }

    private static async Task<SimulationResult> SimulateAtAsync(Mission.Mission mission, double scale, string folder, CancellationToken cancellationToken)
    {
        // A fresh folder each time, so a smaller probe's files never linger beside the real run's.
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        return await new MissionSimulator(mission).RunAsync(
            new SimulationOptions(SimulationOptions.ScienceInstruments, Start, Orbits, folder) { Scale = scale },
            cancellationToken: cancellationToken);
    }

    private static long DataBytes(SimulationResult result) => result.TotalBytes - result.DeliveryRecord.Size;

    /// <summary>
    /// One ingest of the whole delivery into a fresh store and catalog under <paramref name="folder"/>
    /// (removed afterwards). Returns the time spent in the handler and the manifest it wrote.
    /// </summary>
    private static async Task<(Pass Handling, ProcessingManifest Manifest)> IngestAsync(
        Mission.Mission mission, IngestOptions options, SimulationResult simulation, string folder, CancellationToken cancellationToken)
    {
        try
        {
            var store = new FileSystemObjectStore(new FileSystemObjectStoreOptions
            {
                RootPath = Path.Combine(folder, "buckets"),
                // The store refuses a signing key without a base URL; the handler never presigns.
                PublicBaseUrl = new Uri("http://127.0.0.1/"),
                SigningKey = RandomNumberGenerator.GetBytes(32),
            });
            await using var catalog = await CatalogFactory.OpenAsync(Path.Combine(folder, "catalog.db"), cancellationToken);
            await catalog.MigrateAsync(cancellationToken);
            var handler = new IntegrityHandler(mission, store, catalog, options, TimeProvider.System, NullLoggerFactory.Instance);

            var handling = default(Pass);
            var last = new Dictionary<string, FileReport>(StringComparer.Ordinal);
            foreach (var file in simulation.Files)
            {
                await using (var content = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan))
                {
                    await store.PutAsync(Buckets.Inbox, file.Name, content, cancellationToken: cancellationToken);
                }
                // PutAsync flushes each object to disk, so no write-back of the inbox copies runs under the timed checks.
                var isRecord = file.Kind == SimulatedFileKind.DeliveryRecord;
                if (isRecord)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                }
                var clock = CpuClock.Now();
                var reports = await handler.HandleAsync(Buckets.Inbox, file.Name, cancellationToken);
                handling += clock.Since();
                foreach (var report in reports)
                {
                    last[report.FileName] = report;
                }
                if (!isRecord && reports is not [{ Outcome: IngestOutcome.Waiting }])
                {
                    throw new InvalidOperationException($"{file.Name} arrived before its delivery record, so should wait; the handler said: {Describe(reports)}");
                }
            }

            return (handling, await VerifyAsync(simulation, store, catalog, last, cancellationToken));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>Every data file archived and catalogued, the record recorded, the inbox empty, one manifest listing them all.</summary>
    private static async Task<ProcessingManifest> VerifyAsync(
        SimulationResult simulation, FileSystemObjectStore store, ICatalog catalog, Dictionary<string, FileReport> last, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var file in simulation.Files)
        {
            var expected = file.Kind == SimulatedFileKind.DeliveryRecord ? IngestOutcome.Recorded : IngestOutcome.Archived;
            if (!last.TryGetValue(file.Name, out var report))
            {
                problems.Add($"{file.Name}: no report");
            }
            else if (report.Outcome != expected)
            {
                problems.Add($"{file.Name}: {report.Outcome} ({report.Code}: {report.Message}), expected {expected}");
            }
        }
        await foreach (var left in store.ListAsync(Buckets.Inbox, cancellationToken: cancellationToken))
        {
            problems.Add($"inbox still holds {left.Key}");
        }
        var manifestKeys = last.Values.Select(r => r.ManifestKey).OfType<string>().Distinct().ToList();
        if (manifestKeys.Count != 1)
        {
            problems.Add($"expected one manifest, the reports name {manifestKeys.Count}");
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Ingest did not archive the delivery:\n  {string.Join("\n  ", problems)}");
        }

        ProcessingManifest manifest;
        await using (var stream = await store.OpenReadAsync(Buckets.Archive, manifestKeys[0], cancellationToken))
        using (var buffer = new MemoryStream())
        {
            await stream.CopyToAsync(buffer, cancellationToken);
            manifest = ManifestWriter.Read(buffer.ToArray());
        }
        var dataCount = simulation.Files.Count - 1;
        if (manifest.Files.Count != dataCount)
        {
            throw new InvalidOperationException($"The manifest {manifestKeys[0]} lists {manifest.Files.Count} files, not the delivery's {dataCount}.");
        }
        foreach (var entry in manifest.Files)
        {
            var catalogued = await catalog.Files.FindByKeyAsync(entry.Key, cancellationToken);
            if (catalogued is null || catalogued.Sha256 != entry.Sha256 || catalogued.Md5 != entry.Md5
                || await store.HeadAsync(entry.Bucket, entry.Key, cancellationToken) is null)
            {
                throw new InvalidOperationException($"{entry.Key}: listed in the manifest but not catalogued with its digests, or not in the archive.");
            }
        }
        return manifest;
    }

    /// <summary>The handler's digests (through the manifest) must be the tools' digests of the originals, and MD5 the simulator's.</summary>
    private static void CrossCheck(
        List<SimulatedFile> files, ProcessingManifest manifest, Dictionary<string, string> sha256, Dictionary<string, string> md5)
    {
        var listed = manifest.Files.ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var entry = listed.GetValueOrDefault(file.Name);
            if (entry is null || entry.Size != file.Size
                || entry.Sha256 != sha256.GetValueOrDefault(file.Path) || entry.Md5 != md5.GetValueOrDefault(file.Path) || entry.Md5 != file.Md5)
            {
                throw new InvalidOperationException(
                    $"{file.Name}: the handler's size/MD5/SHA-256 ({entry?.Size}, {entry?.Md5}, {entry?.Sha256}) differ from the simulator's or the tools' " +
                    $"({file.Size}, {md5.GetValueOrDefault(file.Path)}, {sha256.GetValueOrDefault(file.Path)}).");
            }
        }
    }

    /// <summary>Runs <paramref name="tool"/> once over every file; returns its wall time and digest per path.</summary>
    private static async Task<(Pass Pass, Dictionary<string, string> Digests)> RunToolAsync(
        string tool, List<SimulatedFile> files, CancellationToken cancellationToken)
    {
        var (pass, output) = await RunProcessAsync(tool, files.Select(f => f.Path), cancellationToken);
        var digests = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // "<hex>  <path>" (text mode) or "<hex> *<path>" (binary mode).
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0 || space + 2 > line.Length)
            {
                throw new InvalidOperationException($"{tool} printed an unexpected line: {line}");
            }
            digests[line[(space + 2)..]] = line[..space];
        }
        if (digests.Count != files.Count)
        {
            throw new InvalidOperationException($"{tool} printed {digests.Count} digests for {files.Count} files.");
        }
        return (pass, digests);
    }

    private static async Task SyncAsync(CancellationToken cancellationToken) => await RunProcessAsync("sync", [], cancellationToken);

    private static async Task<(Pass Pass, string Output)> RunProcessAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var clock = CpuClock.Now();
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Cannot run {program} (is it on PATH?): {e.Message}", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var pass = clock.Since();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {(await error).Trim()}");
            }
            return (pass, await output);
        }
    }

    private static async Task WarmAsync(List<SimulatedFile> files, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 20];
        foreach (var file in files)
        {
            await using var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            while (await stream.ReadAsync(buffer, cancellationToken) > 0)
            {
            }
        }
    }

    private static string Describe(IReadOnlyList<FileReport> reports) =>
        string.Join("; ", reports.Select(r => $"{r.FileName}: {r.Outcome} ({r.Code}: {r.Message})"));

    private static string Describe(Pass pass, long bytes) =>
        $"{pass.Seconds,7:0.000} s {bytes / pass.Seconds / 1e6,6:0} MB/s busy {pass.MachineCores:0.0}";

    private static void PrintResult(string tool, int files, long bytes, int runs, Timings times, string extra) =>
        Print(string.Create(CultureInfo.InvariantCulture,
            $"RESULT tool={tool} files={files} bytes={bytes} runs={runs} median_s={times.Median:0.000} best_s={times.Best:0.000} " +
            $"mb_per_s={bytes / times.Median / 1e6:0} best_mb_per_s={bytes / times.Best / 1e6:0} busy_cores={times.BusyCores:0.0} cores={Environment.ProcessorCount}{(extra.Length == 0 ? "" : " " + extra)}"));

    private static void Print(string line) => Console.WriteLine(line);

    /// <summary>Median and best of a set of passes, in seconds, and the cores the machine kept busy during them.</summary>
    private readonly record struct Timings(double Median, double Best, double BusyCores)
    {
        public static Timings Of(List<Pass> passes)
        {
            var sorted = passes.Select(p => p.Seconds).Order().ToList();
            return new Timings(sorted[sorted.Count / 2], sorted[0], Pass.BusyCores(passes));
        }
    }

    /// <summary>Wall time of a timed pass, with the CPU time the whole machine and this process spent meanwhile.</summary>
    private readonly record struct Pass(double Seconds, double MachineCpuSeconds, double OwnCpuSeconds)
    {
        public double MachineCores => MachineCpuSeconds / Seconds;

        public double OwnCores => OwnCpuSeconds / Seconds;

        public static double BusyCores(IReadOnlyList<Pass> passes) => passes.Sum(p => p.MachineCpuSeconds) / passes.Sum(p => p.Seconds);

        public static Pass operator +(Pass left, Pass right) =>
            new(left.Seconds + right.Seconds, left.MachineCpuSeconds + right.MachineCpuSeconds, left.OwnCpuSeconds + right.OwnCpuSeconds);
    }

    /// <summary>
    /// A reading of the wall clock, the machine's busy CPU time (Linux <c>/proc/stat</c>: user, nice,
    /// system, irq, softirq and steal, in USER_HZ = 1/100 s; zero elsewhere) and this process's CPU time.
    /// </summary>
    private readonly record struct CpuClock(long Timestamp, double MachineCpuSeconds, double OwnCpuSeconds)
    {
        private const double UserHz = 100;

        public static CpuClock Now() =>
            new(Stopwatch.GetTimestamp(), MachineBusySeconds(), Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);

        public Pass Since()
        {
            var now = Now();
            return new Pass(Stopwatch.GetElapsedTime(Timestamp, now.Timestamp).TotalSeconds,
                now.MachineCpuSeconds - MachineCpuSeconds, now.OwnCpuSeconds - OwnCpuSeconds);
        }

        private static double MachineBusySeconds()
        {
            if (!File.Exists("/proc/stat"))
            {
                return 0;
            }
            using var reader = new StreamReader("/proc/stat");
            var fields = reader.ReadLine()?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
            // cpu user nice system idle iowait irq softirq steal ...
            int[] busy = [1, 2, 3, 6, 7, 8];
            return fields.Length > 8 && fields[0] == "cpu"
                ? busy.Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture)) / UserHz
                : 0;
        }
    }
}
