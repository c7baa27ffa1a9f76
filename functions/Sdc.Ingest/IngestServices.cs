using Microsoft.Extensions.Logging;
using Sdc.Catalog;
using Sdc.Ingest.Manifests;
using Sdc.Storage;

namespace Sdc.Ingest;

/// <summary>
/// The data-management handlers over one object store and one catalog, built once per host (a
/// Lambda's composition root, the CLI, the local runtime), which chooses the adapters.
/// </summary>
public sealed class IngestServices
{
    public IngestServices(Mission.Mission mission, IObjectStore store, ICatalog catalog, IngestOptions options, TimeProvider clock, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        Integrity = new IntegrityHandler(mission, store, catalog, options, clock, loggers);
        Sweep = new IngestSweep(Integrity, store, catalog, new ManifestWriter(store, loggers.CreateLogger<ManifestWriter>()), options, clock);
        Indexer = new IndexerHandler(mission, store, catalog, clock, loggers);
        Reconciler = new Reconciler(mission, store, catalog, clock, loggers.CreateLogger<Reconciler>());
    }

    public IntegrityHandler Integrity { get; }

    public IngestSweep Sweep { get; }

    public IndexerHandler Indexer { get; }

    public Reconciler Reconciler { get; }
}
