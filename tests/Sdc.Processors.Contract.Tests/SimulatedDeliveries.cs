using Sdc.Mission;
using Sdc.Simulator;

namespace Sdc.Processors.Contract.Tests;

/// <summary>
/// Level 0 inputs for the suite, made once per test run by the simulator: a clean orbit of every
/// instrument, and the same orbit with a sequence gap and with a truncated file.
/// </summary>
public sealed class SimulatedDeliveries : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("sdc-contract-").FullName;

    public SimulationResult Clean { get; private set; } = null!;

    public SimulationResult WithGap { get; private set; } = null!;

    public SimulationResult Truncated { get; private set; } = null!;

    public string Scratch => _root;

    public async Task InitializeAsync()
    {
        var mission = MissionLoader.LoadFile(Repository.PathOf("mission.yaml"));
        var simulator = new MissionSimulator(mission);
        SimulationOptions Options(string name, params FaultSpec[] faults) =>
            new(SimulationOptions.ScienceInstruments, new DateTime(2021, 2, 24, 0, 0, 0, DateTimeKind.Utc), 1, Path.Combine(_root, name))
            {
                Faults = faults,
                EmirsScansPerOrbit = 8,
                EmusFramesPerOrbit = 6,
                ExiImageSize = 128,
            };
        Clean = await simulator.RunAsync(Options("clean"));
        WithGap = await simulator.RunAsync(Options("gap", [.. SimulationOptions.ScienceInstruments.Select(i => new FaultSpec(FaultKind.Gap, i, 1))]));
        Truncated = await simulator.RunAsync(Options("truncated", [.. SimulationOptions.ScienceInstruments.Select(i => new FaultSpec(FaultKind.Truncate, i, 1))]));
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
