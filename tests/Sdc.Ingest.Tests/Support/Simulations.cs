using System.Collections.Concurrent;
using Sdc.Mission;
using Sdc.Simulator;

namespace Sdc.Ingest.Tests.Support;

/// <summary>
/// Simulated MOC deliveries (one orbit of every instrument, kernels, calibration and the record),
/// made once per set of faults for the whole test run and shared read-only by the tests.
/// </summary>
public static class Simulations
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<SimulationResult>>> Made = new();

    public static Mission.Mission Mission { get; } = MissionLoader.LoadFile(Sdc.Testing.RepositoryRoot.PathOf("mission.yaml"));

    public static Task<SimulationResult> GetAsync(params string[] faults)
    {
        var key = faults.Length == 0 ? "clean" : string.Join('+', faults).Replace(':', '-');
        return Made.GetOrAdd(key, k => new Lazy<Task<SimulationResult>>(() =>
        {
            var folder = Path.Combine(Path.GetTempPath(), "sdc-ingest-tests", "sim-" + Environment.ProcessId, k);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
            var options = new SimulationOptions(SimulationOptions.ScienceInstruments, new DateTime(2021, 2, 24, 0, 0, 0, DateTimeKind.Utc), 1, folder)
            {
                Faults = faults.Select(FaultSpec.Parse).ToList(),
            };
            return new MissionSimulator(Mission).RunAsync(options);
        })).Value;
    }
}
