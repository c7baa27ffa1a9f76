using Sdc.Simulator;

namespace Sdc.Processors.Emu.Tests.Support;

/// <summary>
/// One simulated EMUS orbit (60 frames, about 200 000 photons) taken through both steps by
/// processors/emu/run: l0 → l1, then l1 → l2 + ql with the simulated flat and wave calibration,
/// and the l0 → l1 job once more into another folder (determinism).
/// </summary>
public sealed class EmuPipelineFixture : IAsyncLifetime, IDisposable
{
    public const int Frames = 60;

    private readonly TemporaryDirectory _directory = new();

    internal SimulationResult Simulation { get; private set; } = null!;

    internal EmuJob Level1Job { get; private set; } = null!;

    internal ProcessorRun Level1Run { get; private set; } = null!;

    internal EmuJob Level1Again { get; private set; } = null!;

    internal ProcessorRun Level1AgainRun { get; private set; } = null!;

    internal EmuJob Level2Job { get; private set; } = null!;

    internal ProcessorRun Level2Run { get; private set; } = null!;

    public string Level1Path => Directory.GetFiles(Level1Job.Output, "*.fits").Single();

    public string Level2Path => Directory.GetFiles(Level2Job.Output, "*.fits").Single();

    public string QuicklookPath => Directory.GetFiles(Level2Job.Output, "*.png").Single();

    public string Root => _directory.Path;

    public async Task InitializeAsync()
    {
        Simulation = await Simulated.RunAsync(Path.Combine(Root, "delivery"), Frames);
        Level1Job = new EmuJob(Path.Combine(Root, "l1"), "l0", ["l1"], [Simulation.Level0()], Simulation.Kernels());
        Level1Run = await ProcessorRun.RunJobAsync(Level1Job);
        Level1Again = new EmuJob(Path.Combine(Root, "l1-again"), "l0", ["l1"], [Simulation.Level0()], Simulation.Kernels());
        Level1AgainRun = await ProcessorRun.RunJobAsync(Level1Again);
        if (Level1Run.ExitCode != 0)
        {
            return;
        }
        Level2Job = new EmuJob(Path.Combine(Root, "l2"), "l1", ["l2", "ql"], [Level1Path],
            calibration: [(Simulation.Calibration("flat"), "flat"), (Simulation.Calibration("wave"), "wave")]);
        Level2Run = await ProcessorRun.RunJobAsync(Level2Job);
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _directory.Dispose();
}
