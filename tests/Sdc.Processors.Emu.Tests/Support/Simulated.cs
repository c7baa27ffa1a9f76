using Sdc.Simulator;

namespace Sdc.Processors.Emu.Tests.Support;

/// <summary>Small EMUS-only simulations, run in-process, and the files of a run the jobs need.</summary>
internal static class Simulated
{
    private static readonly string[] Level1Kernels = ["lsk", "sclk", "spk", "ck"];

    public static DateTime Start { get; } = new(2021, 3, 1, 6, 0, 0, DateTimeKind.Utc);

    public static async Task<SimulationResult> RunAsync(string directory, int frames, params FaultSpec[] faults)
    {
        var options = new SimulationOptions(["emu"], Start, 1, directory, Seed: 11)
        {
            FirstOrbit = 41,
            OrbitDuration = TimeSpan.FromHours(1),
            EmusFramesPerOrbit = frames,
            Faults = faults,
        };
        return await new MissionSimulator(RepositoryFiles.Mission).RunAsync(options);
    }

    public static string Level0(this SimulationResult result) =>
        result.Files.Single(f => f.Kind == SimulatedFileKind.Science && f.Instrument == "emu").Path;

    /// <summary>The kernels mission.yaml's emu l0 step asks for: lsk, sclk, spk, ck.</summary>
    public static IEnumerable<string> Kernels(this SimulationResult result) =>
        result.Files.Where(f => f.Kind == SimulatedFileKind.Kernel && Level1Kernels.Any(k => f.Name.StartsWith($"emm_{k}_", StringComparison.Ordinal)))
            .Select(f => f.Path);

    public static string Calibration(this SimulationResult result, string descriptor) =>
        result.Files.Single(f => f.Kind == SimulatedFileKind.Calibration && f.Instrument == "emu" && f.Name.Contains($"_{descriptor}_", StringComparison.Ordinal)).Path;
}
