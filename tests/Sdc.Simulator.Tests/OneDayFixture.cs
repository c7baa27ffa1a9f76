namespace Sdc.Simulator.Tests;

/// <summary>One simulated day of all instruments at default settings, written once for the tests that read it.</summary>
public sealed class OneDayFixture : IAsyncLifetime
{
    public static readonly DateTime Start = new(2021, 2, 24, 0, 0, 0, DateTimeKind.Utc);

    public SimulationOptions Options { get; private set; } = null!;

    public SimulationResult Result { get; private set; } = null!;

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "sdc-sim-day-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        Options = new SimulationOptions(SimulationOptions.ParseInstruments("all"), Start, 4, Directory, Seed: 7);
        Result = await new MissionSimulator(RepositoryFiles.Mission).RunAsync(Options);
    }

    public Task DisposeAsync()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        return Task.CompletedTask;
    }

    public IEnumerable<SimulatedFile> Files(SimulatedFileKind kind, string? instrument = null) =>
        Result.Files.Where(f => f.Kind == kind && (instrument is null || f.Instrument == instrument));
}
