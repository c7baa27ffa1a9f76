using Sdc.Events;
using Sdc.Ingest;

namespace Sdc.Functions;

/// <summary>
/// The integrity Lambda: S3 Object Created events for the inbox (from EventBridge, or S3
/// notification records) go to <see cref="IntegrityHandler"/>; the every-minute schedule runs the
/// <see cref="IngestSweep"/>. Handler string: <c>Sdc.Functions::Sdc.Functions.IntegrityFunction::HandleAsync</c>.
/// </summary>
public sealed class IntegrityFunction
{
    private readonly Func<Task<(BucketMap Buckets, IngestServices Ingest)>> _services;

    public IntegrityFunction()
        : this(async () =>
        {
            var cloud = await CloudServices.GetAsync();
            return (cloud.Buckets, cloud.Ingest);
        })
    {
    }

    public IntegrityFunction(BucketMap buckets, IngestServices ingest)
        : this(() => Task.FromResult((buckets, ingest)))
    {
    }

    private IntegrityFunction(Func<Task<(BucketMap, IngestServices)>> services) => _services = services;

    public async Task<Stream> HandleAsync(Stream input)
    {
        var json = await FunctionIo.ReadAsync(input);
        var (buckets, ingest) = await _services();
        if (EventEnvelope.Classify(json) == EventKind.Scheduled)
        {
            var sweep = await ingest.Sweep.RunAsync(null, CancellationToken.None);
            return FunctionIo.Write(new IntegrityResult(sweep.Files, sweep.Manifests), FunctionJsonContext.Default.IntegrityResult);
        }
        var reports = new List<FileReport>();
        foreach (var created in ObjectCreatedParser.Parse(json))
        {
            reports.AddRange(await ingest.Integrity.HandleAsync(buckets.LogicalOf(created.Bucket), created.Key, CancellationToken.None));
        }
        return FunctionIo.Write(new IntegrityResult(reports, []), FunctionJsonContext.Default.IntegrityResult);
    }
}
