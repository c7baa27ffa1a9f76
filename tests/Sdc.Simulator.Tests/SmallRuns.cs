namespace Sdc.Simulator.Tests;

/// <summary>Small, quick simulations for the tests that run the simulator themselves.</summary>
internal static class SmallRuns
{
    public static SimulationOptions Options(string directory, long seed = 3, params FaultSpec[] faults) =>
        new(SimulationOptions.ParseInstruments("all"), new DateTime(2021, 3, 1, 6, 0, 0, DateTimeKind.Utc), 2, directory, seed)
        {
            FirstOrbit = 41,
            OrbitDuration = TimeSpan.FromHours(1),
            ExiImageSize = 96,
            EmirsScansPerOrbit = 4,
            EmusFramesPerOrbit = 3,
            Faults = faults,
        };

    public static Task<SimulationResult> RunAsync(SimulationOptions options) =>
        new MissionSimulator(RepositoryFiles.Mission).RunAsync(options);
}
