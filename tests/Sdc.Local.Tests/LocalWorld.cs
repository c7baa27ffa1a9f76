using Microsoft.Extensions.Logging.Abstractions;
using Sdc.Catalog;
using Sdc.Ingest.Layout;
using Sdc.Mission;
using Sdc.Simulator;
using Sdc.Testing;

namespace Sdc.Local.Tests;

/// <summary>
/// A whole local SDC for one test: a data directory, a SQLite catalog and the local runtime
/// running the real pipeline.asl.json with the real processors (or stand-ins the test names).
/// </summary>
public sealed class LocalWorld : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private LocalWorld(string root, Mission.Mission mission, ICatalog catalog, LocalRuntime runtime)
    {
        Root = root;
        Mission = mission;
        Catalog = catalog;
        Runtime = runtime;
        _running = runtime.RunAsync(_stop.Token);
    }

    public static Mission.Mission RepositoryMission { get; } = MissionLoader.LoadFile(RepositoryRoot.PathOf("mission.yaml"));

    public string Root { get; }

    public Mission.Mission Mission { get; }

    public ICatalog Catalog { get; }

    public LocalRuntime Runtime { get; }

    public CancellationToken Ct { get; } = new CancellationTokenSource(TimeSpan.FromMinutes(8)).Token;

    public static async Task<LocalWorld> StartAsync(Mission.Mission? mission = null, IReadOnlyDictionary<string, string>? processorCommands = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "sdc-local-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var catalog = await CatalogFactory.OpenAsync(Path.Combine(root, "catalog.db"), CancellationToken.None);
        await catalog.MigrateAsync(CancellationToken.None);
        mission ??= RepositoryMission;
        var runtime = new LocalRuntime(mission, catalog, new LocalRuntimeOptions
        {
            BucketsRoot = Path.Combine(root, "buckets"),
            RepositoryRoot = RepositoryRoot.Path,
            WorkRoot = Path.Combine(root, "work"),
            ProcessorCommands = processorCommands,
        }, TimeProvider.System, NullLoggerFactory.Instance);
        await runtime.PrepareProcessorsAsync(CancellationToken.None);
        return new LocalWorld(root, mission, catalog, runtime);
    }

    public static Task<SimulationResult> SimulateAsync(string folder, int orbits, params FaultSpec[] faults) =>
        new MissionSimulator(RepositoryMission).RunAsync(new SimulationOptions(SimulationOptions.ScienceInstruments,
            new DateTime(2021, 2, 24, 0, 0, 0, DateTimeKind.Utc), orbits, folder) { Faults = faults });

    /// <summary>Delivers files to the inbox (in the given order) and waits until the runtime is idle.</summary>
    public async Task DeliverAndWaitAsync(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            await using var stream = File.OpenRead(path);
            await Runtime.Store.PutAsync(Buckets.Inbox, Path.GetFileName(path), stream, null, Ct);
        }
        await Runtime.WaitForIdleAsync(Ct);
    }

    public async Task<List<Job>> JobsAsync()
    {
        var jobs = new List<Job>();
        foreach (var run in await Catalog.Jobs.ListRunsAsync(1000, null, Ct))
        {
            jobs.AddRange(await Catalog.Jobs.ListJobsAsync(run.Id, Ct));
        }
        return jobs;
    }

    /// <summary>Every catalogued product (all versions), by level.</summary>
    public async Task<List<CatalogFile>> ProductsAsync(string? level = null, VersionSelection versions = VersionSelection.All)
    {
        var all = new List<CatalogFile>();
        string? cursor = null;
        do
        {
            var page = await Catalog.Files.SearchAsync(new FileQuery { Level = level, Versions = versions, Limit = FileQuery.MaxLimit, Cursor = cursor }, Ct);
            all.AddRange(page.Items.Where(f => f.Kind is FileKind.Product or FileKind.Quicklook));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return all;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        await Runtime.DisposeAsync();
        await Catalog.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
