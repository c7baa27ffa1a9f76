using Sdc.Ccsds;
using Sdc.Mission;
using Sdc.Simulator.Calibration;
using Sdc.Mission.Delivery;
using Sdc.Simulator.Faults;
using Sdc.Simulator.Instruments;
using Sdc.Simulator.Kernels;

namespace Sdc.Simulator;

/// <summary>
/// Writes a simulated MOC delivery into <see cref="SimulationOptions.OutputDirectory"/>: per
/// instrument and orbit a Level 0 file of CCSDS packets, per orbit a housekeeping file, a kernel of
/// every type mission.yaml lists (covering the whole run), the instruments' calibration files
/// (valid from the start date), and last the delivery record listing every other file with size
/// and MD5. Every name comes from the mission's naming rules. Files are independent (each has its
/// own random stream), so they are written in parallel; the bytes depend only on the options.
/// </summary>
public sealed class MissionSimulator(Sdc.Mission.Mission mission)
{
    /// <summary>The version every simulated file carries.</summary>
    public static ProductVersion FileVersion { get; } = new(1, 0);

    public async Task<SimulationResult> RunAsync(SimulationOptions options, IProgress<SimulationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var plan = Plan(options);
        var faults = ResolveFaults(options, plan);
        Directory.CreateDirectory(options.OutputDirectory);

        var done = 0;
        long bytes = 0;
        var total = plan.Count + 1;
        await Parallel.ForEachAsync(plan, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            (file, ct) =>
            {
                var size = WriteAtomically(Path.Combine(options.OutputDirectory, file.Name), stream => file.Write(stream, ct));
                progress?.Report(new SimulationProgress(Interlocked.Increment(ref done), total, Interlocked.Add(ref bytes, size), file.Name));
                return ValueTask.CompletedTask;
            });

        // Faults the MOC's own file carries (the record describes the damaged file) come before the
        // digests; a transfer cut short and a wrong checksum come after.
        var injected = new List<InjectedFault>();
        // Gaps first: removing packets rewrites the file, which a lengthened last packet would stop.
        foreach (var (spec, target) in faults.Where(f => f.Spec.Kind == FaultKind.Gap).Concat(faults.Where(f => f.Spec.Kind == FaultKind.BadLength)))
        {
            var path = Path.Combine(options.OutputDirectory, target.Name);
            injected.Add(spec.Kind == FaultKind.Gap ? FaultInjector.Gap(path, target.Name) : FaultInjector.BadLength(path, target.Name));
        }
        var recorded = plan.OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => (File: f, Digest: FileDigest.Of(Path.Combine(options.OutputDirectory, f.Name))))
            .ToList();
        var entries = recorded.Select(r => new DeliveryRecordFile(r.File.Name, r.Digest.Size, r.Digest.Md5)).ToList();
        foreach (var (spec, target) in faults.Where(f => f.Spec.Kind is FaultKind.Truncate or FaultKind.BadMd5))
        {
            if (spec.Kind == FaultKind.Truncate)
            {
                injected.Add(FaultInjector.Truncate(Path.Combine(options.OutputDirectory, target.Name), target.Name));
                continue;
            }
            var at = entries.FindIndex(e => e.Name == target.Name);
            var wrong = WrongMd5(entries[at].Md5);
            entries[at] = entries[at] with { Md5 = wrong };
            injected.Add(new InjectedFault(FaultKind.BadMd5, target.Name, $"the delivery record gives MD5 {wrong}; the file's is {recorded[at].Digest.Md5}"));
        }

        var created = options.End;
        var recordName = mission.FormatFileName(new MissionFileName(FileNameKind.Delivery, mission.Id) { Start = created, Sequence = options.DeliverySequence });
        var record = new DeliveryRecord(recordName, created, entries);
        var recordSize = WriteAtomically(Path.Combine(options.OutputDirectory, recordName), record.WriteTo);
        progress?.Report(new SimulationProgress(total, total, bytes + recordSize, recordName));

        var files = recorded.Select(r =>
        {
            var path = Path.Combine(options.OutputDirectory, r.File.Name);
            var (size, md5) = injected.Any(f => f.Kind == FaultKind.Truncate && f.FileName == r.File.Name) ? FileDigest.Of(path) : r.Digest;
            return new SimulatedFile(r.File.Name, path, size, md5, r.File.Kind, r.File.Instrument, r.File.Orbit);
        }).ToList();
        var recordPath = Path.Combine(options.OutputDirectory, recordName);
        var recordDigest = FileDigest.Of(recordPath);
        files.Add(new SimulatedFile(recordName, recordPath, recordDigest.Size, recordDigest.Md5, SimulatedFileKind.DeliveryRecord, null, null));
        return new SimulationResult(files, injected);
    }

    /// <summary>The names and kinds of the files a run will write (delivery record excluded), in the order they are planned.</summary>
    public IReadOnlyList<(string Name, SimulatedFileKind Kind)> PlanNames(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return [.. Plan(options).Select(f => (f.Name, f.Kind))];
    }

    private List<PlannedFile> Plan(SimulationOptions options)
    {
        var files = new List<PlannedFile>();
        var l0 = mission.FindLevel("l0") ?? throw new InvalidOperationException("The mission has no level l0.");
        var extension = l0.Extensions[0];
        foreach (var window in options.Windows())
        {
            foreach (var instrument in options.Instruments)
            {
                var name = ProductName(instrument, window, "sci", extension);
                files.Add(new PlannedFile(name, SimulatedFileKind.Science, instrument, window.Orbit,
                    (stream, ct) => WritePackets(stream, options, instrument, window, ct)));
            }
            var housekeeping = ProductName("sc", window, "hsk", extension);
            files.Add(new PlannedFile(housekeeping, SimulatedFileKind.Housekeeping, "sc", window.Orbit,
                (stream, ct) => WritePackets(stream, options, "sc", window, ct)));
        }
        foreach (var kernel in mission.Kernels)
        {
            var name = mission.FormatFileName(new MissionFileName(FileNameKind.Kernel, mission.Id)
            {
                KernelType = kernel.Id,
                CoverageFrom = DateOnly.FromDateTime(options.Start),
                CoverageTo = DateOnly.FromDateTime(options.End.AddTicks(-1)),
                Version = FileVersion,
                Extension = kernel.Extensions[0],
            });
            files.Add(new PlannedFile(name, SimulatedFileKind.Kernel, null, null,
                (stream, _) => KernelWriter.Write(stream, kernel.Id, kernel.Extensions[0], options.Start, options.End)));
        }
        var validFrom = DateOnly.FromDateTime(options.Start);
        foreach (var instrument in options.Instruments)
        {
            foreach (var descriptor in mission.FindInstrument(instrument)?.Calibration ?? [])
            {
                var name = mission.FormatFileName(new MissionFileName(FileNameKind.Calibration, mission.Id)
                {
                    Instrument = instrument,
                    ValidFrom = validFrom,
                    Descriptor = descriptor,
                    Version = FileVersion,
                    Extension = mission.CalibrationExtensions[0],
                });
                files.Add(new PlannedFile(name, SimulatedFileKind.Calibration, instrument, null,
                    (stream, _) => CalibrationWriter.Write(stream, instrument, descriptor, validFrom, options)));
            }
        }
        return files;
    }

    private string ProductName(string instrument, OrbitWindow window, string descriptor, string extension) =>
        mission.FormatFileName(new MissionFileName(FileNameKind.Product, mission.Id)
        {
            Instrument = instrument,
            Level = "l0",
            Start = window.Start,
            Orbit = window.Orbit,
            Descriptor = descriptor,
            Version = FileVersion,
            Extension = extension,
        });

    private static void WritePackets(Stream stream, SimulationOptions options, string instrument, OrbitWindow window, CancellationToken cancellationToken)
    {
        var random = new DeterministicRandom(options.Seed, $"{instrument}/{window.Orbit}");
        using var writer = new SpacePacketWriter(stream, leaveOpen: true);
        switch (instrument)
        {
            case "exi":
                ExiSimulator.Write(writer, window, options, random, cancellationToken);
                break;
            case "emr":
                EmirsSimulator.Write(writer, window, options, random, cancellationToken);
                break;
            case "emu":
                EmusSimulator.Write(writer, window, options, random, cancellationToken);
                break;
            default:
                HousekeepingSimulator.Write(writer, window, options, random, cancellationToken);
                break;
        }
    }

    private static List<(FaultSpec Spec, PlannedFile Target)> ResolveFaults(SimulationOptions options, List<PlannedFile> plan)
    {
        var resolved = new List<(FaultSpec, PlannedFile)>();
        foreach (var spec in options.Faults)
        {
            var instrument = spec.Instrument ?? options.Instruments[0];
            var orbit = spec.Orbit ?? options.FirstOrbit;
            var target = plan.FirstOrDefault(f => f.Instrument == instrument && f.Orbit == orbit && f.Kind is SimulatedFileKind.Science or SimulatedFileKind.Housekeeping)
                ?? throw new ArgumentException($"Fault {spec}: no Level 0 file of {instrument} in orbit {orbit} is simulated (instruments {string.Join(", ", options.Instruments)} and sc, orbits {options.FirstOrbit}–{options.FirstOrbit + options.Orbits - 1}).");
            if (resolved.Any(r => r.Item1.Kind == spec.Kind && r.Item2 == target))
            {
                throw new ArgumentException($"Fault {spec} is asked for twice on {target.Name}.");
            }
            resolved.Add((spec, target));
        }
        return resolved;
    }

    // Flip every bit of the first byte: plainly wrong, still 32 hex digits.
    private static string WrongMd5(string md5) =>
        (Convert.ToInt32(md5[..2], 16) ^ 0xFF).ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + md5[2..];

    // A half-written file never carries a final name: write beside it, then rename.
    private static long WriteAtomically(string path, Action<Stream> write)
    {
        var temporary = path + ".partial";
        long size;
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            write(stream);
            size = stream.Length;
        }
        File.Move(temporary, path, overwrite: true);
        return size;
    }

    private sealed record PlannedFile(string Name, SimulatedFileKind Kind, string? Instrument, int? Orbit, Action<Stream, CancellationToken> Write);
}
