using Sdc.Catalog;
using Sdc.States.History;

namespace Sdc.Local.Tests;

public sealed class CatalogHistoryListenerTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sdc-history-").FullName;
    private ICatalog? _catalog;

    private ICatalog Catalog => _catalog ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        _catalog = await CatalogFactory.OpenAsync(Path.Combine(_folder, "catalog.db"), CancellationToken.None);
        await _catalog.MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Catalog.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static HistoryEvent Event(long id, string type, string? state = null) =>
        new(id, id - 1, DateTimeOffset.UnixEpoch.AddSeconds(id), type) { StateName = state };

    [Fact]
    public async Task OnEvent_ExecutionDrivenAgainByANewRuntime_KeepsBothAttemptsInOrder()
    {
        await using (var first = new CatalogHistoryListener(Catalog))
        {
            first.OnEvent("run", Event(1, "ExecutionStarted"));
            first.OnEvent("run", Event(2, "TaskStateEntered", "Plan"));
            first.OnEvent("other", Event(1, "ExecutionStarted"));
        }
        await using (var second = new CatalogHistoryListener(Catalog))
        {
            second.OnEvent("run", Event(1, "ExecutionStarted"));
            second.OnEvent("run", Event(2, "ExecutionSucceeded"));
        }

        var history = await Catalog.Jobs.GetHistoryAsync("run", CancellationToken.None);
        Assert.Equal([(1, "ExecutionStarted"), (2, "TaskStateEntered"), (3, "ExecutionStarted"), (4, "ExecutionSucceeded")],
            history.Select(e => (e.Seq, e.Type)));
        Assert.Single(await Catalog.Jobs.GetHistoryAsync("other", CancellationToken.None));
    }
}
