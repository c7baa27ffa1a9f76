using System.CommandLine;
using System.Globalization;
using Sdc.Mission;
using Sdc.Simulator;
using Spectre.Console;

namespace Sdc.Cli.Commands;

/// <summary>
/// <c>sdc simulate</c>: writes a simulated MOC delivery (Level 0 packets, housekeeping, kernels,
/// calibration, delivery record) into a folder, optionally with faults for the ingest to catch.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var instrument = new Option<string>("--instrument")
        {
            Description = "exi, emr, emu or all (or a comma-separated list); housekeeping and kernels are always written",
            DefaultValueFactory = _ => "all",
        };
        var start = new Option<string>("--start") { Description = "UTC start of the first orbit: a date (2021-02-24) or a time (2021-02-24T06:00:00Z)", Required = true };
        var orbits = new Option<int>("--orbits") { Description = "Number of orbits (observation windows) to simulate", DefaultValueFactory = _ => 4 };
        var output = new Option<string>("--out") { Description = "Folder to write the delivery into (created if missing)", Required = true };
        var seed = new Option<long>("--seed") { Description = "Random seed: the same options and seed give byte-identical files", DefaultValueFactory = _ => 1 };
        var scale = new Option<double>("--scale") { Description = "Multiply the images, scans and frames per orbit (benchmarks: 100 ≈ 0.8 GB a day)", DefaultValueFactory = _ => 1 };
        var orbitHours = new Option<double>("--orbit-hours") { Description = "Length of one orbit window in hours (EMM's real orbit is ~55 h)", DefaultValueFactory = _ => 6 };
        var firstOrbit = new Option<int>("--first-orbit") { Description = "Orbit number of the first window", DefaultValueFactory = _ => 1 };
        var faults = new Option<string[]>("--fault")
        {
            Description = "Inject a fault: truncate, bad-length, gap or bad-md5, optionally :instrument[:orbit] (e.g. gap:emu:2); repeatable",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => [],
        };
        var command = new Command("simulate", "Write a simulated EMM delivery: Level 0 files, housekeeping, kernels, calibration and the delivery record")
        {
            instrument, start, orbits, output, seed, scale, orbitHours, firstOrbit, faults,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var mission = MissionLoader.LoadFile(MissionFile.Resolve(parse.GetValue(GlobalOptions.Mission)));
            var options = new SimulationOptions(
                SimulationOptions.ParseInstruments(parse.GetValue(instrument)!),
                ParseStart(parse.GetValue(start)!),
                parse.GetValue(orbits),
                Path.GetFullPath(parse.GetValue(output)!),
                parse.GetValue(seed))
            {
                Scale = parse.GetValue(scale),
                OrbitDuration = TimeSpan.FromHours(parse.GetValue(orbitHours)),
                FirstOrbit = parse.GetValue(firstOrbit),
                Faults = [.. parse.GetValue(faults)!.Select(FaultSpec.Parse)],
            };
            var result = await RunAsync(new MissionSimulator(mission), options, token);
            Render(result, options);
            return 0;
        }, ct));
        return command;
    }

    private static DateTime ParseStart(string text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? DateTime.SpecifyKind(time, DateTimeKind.Utc)
            : throw new UserError($"--start '{text}' is not a date or time; expected e.g. 2021-02-24 or 2021-02-24T06:00:00Z.");

    private static async Task<SimulationResult> RunAsync(MissionSimulator simulator, SimulationOptions options, CancellationToken cancellationToken)
    {
        if (!Terminal.Out.Profile.Capabilities.Interactive)
        {
            return await simulator.RunAsync(options, progress: null, cancellationToken);
        }
        SimulationResult? result = null;
        await Terminal.Out.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("simulating");
                var progress = new InlineProgress(p =>
                {
                    task.MaxValue = p.FilesTotal;
                    task.Value = p.FilesDone;
                    task.Description = $"{p.FilesDone}/{p.FilesTotal} files, {Size(p.BytesWritten)}";
                });
                result = await simulator.RunAsync(options, progress, cancellationToken);
            });
        return result!;
    }

    private static void Render(SimulationResult result, SimulationOptions options)
    {
        var table = new Table().AddColumn("file").AddColumn(new TableColumn("size").RightAligned()).AddColumn("kind");
        foreach (var file in result.Files)
        {
            table.AddRow(Markup.Escape(file.Name), Size(file.Size), Kind(file.Kind));
        }
        Terminal.Out.Write(table);
        if (result.Faults.Count > 0)
        {
            var faults = new Table().Title("Injected faults").AddColumns("fault", "file", "what");
            foreach (var fault in result.Faults)
            {
                faults.AddRow(FaultSpec.NameOf(fault.Kind), Markup.Escape(fault.FileName), Markup.Escape(fault.Description));
            }
            Terminal.Out.Write(faults);
        }
        Terminal.Out.MarkupLine(
            $"[green]{result.Files.Count} files, {Size(result.TotalBytes)}[/] in {Markup.Escape(options.OutputDirectory)}; " +
            $"orbits {options.FirstOrbit}–{options.FirstOrbit + options.Orbits - 1}, {options.Start:yyyy-MM-ddTHH:mm:ss}Z to {options.End:yyyy-MM-ddTHH:mm:ss}Z, seed {options.Seed}.");
    }

    private static string Kind(SimulatedFileKind kind) => kind switch
    {
        SimulatedFileKind.Science => "L0 science",
        SimulatedFileKind.Housekeeping => "L0 housekeeping",
        SimulatedFileKind.Kernel => "kernel",
        SimulatedFileKind.Calibration => "calibration",
        _ => "delivery record",
    };

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.00} GiB"),
    };

    // Progress<T> would post to a synchronization context; the simulator reports from worker threads
    // and Spectre's task is safe to update from any of them.
    private sealed class InlineProgress(Action<SimulationProgress> report) : IProgress<SimulationProgress>
    {
        public void Report(SimulationProgress value) => report(value);
    }
}
