using Sdc.Mission;
using Sdc.Simulator;

namespace Sdc.Processors.Exi.Tests.Support;

/// <summary>
/// Inputs made once for the suite by the simulator, in-process: one 6-hour orbit of EXI (128×128
/// frames: per filter a dark, a flat and a science image) with its housekeeping, kernels and
/// calibration, clean and with each fault (the gap orbit has three science images per filter, so
/// that the three packets removed from the middle of the file belong to science images); and the processor's two steps run once over the clean
/// orbit (l0 → l1 with housekeeping, then l1 → l2 + ql over every L1 product).
/// </summary>
public sealed class ExiDeliveries : IAsyncLifetime
{
    public const int ImageSize = 128;

    public const int GapScienceImagesPerFilter = 3;

    private readonly string _root = Directory.CreateTempSubdirectory("sdc-exi-tests-").FullName;

    public string Scratch => _root;

    public SimulationResult Clean { get; private set; } = null!;

    public SimulationResult WithGap { get; private set; } = null!;

    public SimulationResult Truncated { get; private set; } = null!;

    public SimulationResult BadLength { get; private set; } = null!;

    internal ProcessorRun Level1 { get; private set; } = null!;

    internal ProcessorRun Level2 { get; private set; } = null!;

    public static string Level0(SimulationResult delivery) =>
        delivery.Files.Single(f => f.Kind == SimulatedFileKind.Science && f.Instrument == "exi").Path;

    public static string Housekeeping(SimulationResult delivery) =>
        delivery.Files.Single(f => f.Kind == SimulatedFileKind.Housekeeping).Path;

    public static IEnumerable<string> Kernels(SimulationResult delivery) =>
        delivery.Files.Where(f => f.Kind == SimulatedFileKind.Kernel).Select(f => f.Path);

    public static IEnumerable<string> Calibration(SimulationResult delivery) =>
        delivery.Files.Where(f => f.Kind == SimulatedFileKind.Calibration).Select(f => f.Path);

    /// <summary>The l0 → l1 job over a delivery's EXI file, with its housekeeping and kernels.</summary>
    public static System.Text.Json.Nodes.JsonObject Level1Job(SimulationResult delivery) =>
        ExiJob.Create("l0", ["l1"], [Level0(delivery), Housekeeping(delivery)], Kernels(delivery));

    /// <summary>The l1 → l2 + ql job over the given L1 products, with the delivery's calibration.</summary>
    public static System.Text.Json.Nodes.JsonObject Level2Job(SimulationResult delivery, IEnumerable<string> level1) =>
        ExiJob.Create("l1", ["l2", "ql"], level1, calibration: Calibration(delivery));

    public async Task InitializeAsync()
    {
        var simulator = new MissionSimulator(MissionLoader.LoadFile(Repository.PathOf("mission.yaml")));
        SimulationOptions Options(string name, params FaultSpec[] faults) =>
            new(["exi"], new DateTime(2021, 2, 24, 0, 0, 0, DateTimeKind.Utc), 1, Path.Combine(_root, name)) { Faults = faults, ExiImageSize = ImageSize };
        Clean = await simulator.RunAsync(Options("clean"));
        WithGap = await simulator.RunAsync(Options("gap", new FaultSpec(FaultKind.Gap, "exi", 1)) with { ExiImagesPerFilter = GapScienceImagesPerFilter });
        Truncated = await simulator.RunAsync(Options("truncated", new FaultSpec(FaultKind.Truncate, "exi", 1)));
        BadLength = await simulator.RunAsync(Options("bad-length", new FaultSpec(FaultKind.BadLength, "exi", 1)));
        Level1 = await ProcessorRun.StartAsync(Level1Job(Clean), _root);
        Level2 = Level1.ExitCode == 0 ? await ProcessorRun.StartAsync(Level2Job(Clean, Level1.Products), _root) : Level1;
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        return Task.CompletedTask;
    }
}
