using System.Globalization;
using Sdc.Ingest;
using Sdc.Ingest.Reconciliation;

namespace Sdc.Functions;

/// <summary>
/// The reconciler Lambda, on a schedule: compares storage with the catalog and writes its report
/// under <c>archive:reports/reconcile/</c>. <c>SDC_RECONCILE_SAMPLE</c> (default 0.01) sets the share
/// of files re-hashed; <c>SDC_RECONCILE_REPAIR=true</c> lets it re-register orphans and flag lost files.
/// Handler string: <c>Sdc.Functions::Sdc.Functions.ReconcilerFunction::HandleAsync</c>.
/// </summary>
public sealed class ReconcilerFunction
{
    private readonly Func<Task<IngestServices>> _services;
    private readonly ReconcileOptions _options;

    public ReconcilerFunction()
        : this(async () => (await CloudServices.GetAsync()).Ingest, OptionsFromEnvironment())
    {
    }

    public ReconcilerFunction(IngestServices ingest, ReconcileOptions options)
        : this(() => Task.FromResult(ingest), options)
    {
    }

    private ReconcilerFunction(Func<Task<IngestServices>> services, ReconcileOptions options)
    {
        _services = services;
        _options = options;
    }

    public async Task<Stream> HandleAsync(Stream input)
    {
        _ = await FunctionIo.ReadAsync(input);
        var ingest = await _services();
        var report = await ingest.Reconciler.RunAsync(_options, null, CancellationToken.None);
        return FunctionIo.Write(report, FunctionJsonContext.Default.ReconcileReport);
    }

    private static ReconcileOptions OptionsFromEnvironment() => new()
    {
        ChecksumSample = double.TryParse(Environment.GetEnvironmentVariable("SDC_RECONCILE_SAMPLE"), NumberStyles.Float, CultureInfo.InvariantCulture, out var share)
            ? Math.Clamp(share, 0, 1)
            : 0.01,
        Repair = string.Equals(Environment.GetEnvironmentVariable("SDC_RECONCILE_REPAIR"), "true", StringComparison.OrdinalIgnoreCase),
    };
}
