using Sdc.Mission;
using Sdc.Simulator;

namespace Sdc.Processors.Emr.Tests.Support;

/// <summary>
/// Simulated EMIRS deliveries, made once for the suite with the simulator library: a clean orbit
/// and the same orbit with a gap, a truncation and a bad packet length; and the Level 1 products the
/// processor makes of the clean and gap ones (so the Level 2 tests start from real Level 1 files).
/// Building the processor happens here too, once, before any test starts it.
/// </summary>
public sealed class EmirsDeliveries : IAsyncLifetime
{
    public const int ScansPerOrbit = 24;

    private readonly string _root = Directory.CreateTempSubdirectory("sdc-emr-tests-").FullName;

    public SimulationResult Clean { get; private set; } = null!;

    public SimulationResult WithGap { get; private set; } = null!;

    public SimulationResult Truncated { get; private set; } = null!;

    public SimulationResult BadLength { get; private set; } = null!;

    /// <summary>Level 1 of <see cref="Clean"/>, as the processor wrote it.</summary>
    public string CleanLevel1 { get; private set; } = null!;

    /// <summary>Level 1 of <see cref="WithGap"/>.</summary>
    public string GapLevel1 { get; private set; } = null!;

    public string Scratch => _root;

    public static string Level0Of(SimulationResult delivery) =>
        delivery.Files.Single(f => f.Kind == SimulatedFileKind.Science && f.Instrument == "emr").Path;

    public static string CalibrationOf(SimulationResult delivery, string descriptor) =>
        delivery.Files.Single(f => f.Kind == SimulatedFileKind.Calibration && f.Instrument == "emr" && f.Name.Contains($"_{descriptor}_", StringComparison.Ordinal)).Path;

    public async Task InitializeAsync()
    {
        var simulator = new MissionSimulator(MissionLoader.LoadFile(Repository.PathOf("mission.yaml")));
        SimulationOptions Options(string name, params FaultSpec[] faults) =>
            new(["emr"], new DateTime(2021, 2, 24, 0, 0, 0, DateTimeKind.Utc), 1, Path.Combine(_root, name), Seed: 11)
            {
                OrbitDuration = TimeSpan.FromHours(2),
                EmirsScansPerOrbit = ScansPerOrbit,
                Faults = faults,
            };
        Clean = await simulator.RunAsync(Options("clean"));
        WithGap = await simulator.RunAsync(Options("gap", new FaultSpec(FaultKind.Gap, "emr", 1)));
        Truncated = await simulator.RunAsync(Options("truncated", new FaultSpec(FaultKind.Truncate, "emr", 1)));
        BadLength = await simulator.RunAsync(Options("bad-length", new FaultSpec(FaultKind.BadLength, "emr", 1)));

        // The first run builds the processor (processors/build-and-run); later runs reuse the build.
        CleanLevel1 = await Level1Async(Clean);
        GapLevel1 = await Level1Async(WithGap);
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing the suite for.
        }

        return Task.CompletedTask;
    }

    private async Task<string> Level1Async(SimulationResult delivery)
    {
        var run = await EmrRun.StartAsync(_root, EmrRun.Job("l0", ["l1"], [Level0Of(delivery)]));
        if (run.ExitCode is not (0 or 3))
        {
            throw new InvalidOperationException($"Level 1 of {Level0Of(delivery)} failed: {run}");
        }

        return run.Product("l1");
    }
}
