using Sdc.Simulator;

namespace Sdc.Ingest.Tests.Support;

/// <summary>Base of the suites that start from a clean simulated delivery already ingested into a fresh world.</summary>
public abstract class DeliveredWorldTests : IAsyncLifetime
{
    private IngestWorld? _world;
    private SimulationResult? _delivery;

    protected IngestWorld World => _world ?? throw new InvalidOperationException("Not initialised.");

    protected SimulationResult Delivery => _delivery ?? throw new InvalidOperationException("Not initialised.");

    protected abstract Task<IngestWorld> CreateWorldAsync();

    public async Task InitializeAsync()
    {
        _world = await CreateWorldAsync();
        _delivery = await Simulations.GetAsync();
        await World.DeliverAsync(Delivery);
    }

    public async Task DisposeAsync()
    {
        if (_world is not null)
        {
            await _world.DisposeAsync();
        }
    }
}
