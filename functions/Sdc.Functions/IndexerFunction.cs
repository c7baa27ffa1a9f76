using Sdc.Events;
using Sdc.Ingest;
using Sdc.Ingest.Indexing;

namespace Sdc.Functions;

/// <summary>
/// The upload indexer Lambda: Object Created events under <c>products:uploads/</c> index ITF
/// Level 3 uploads. Anything else fails with <see cref="EventFormatException"/>: in particular the
/// pipeline's Index task payload, which belongs to <see cref="IndexFunction"/> (indexing a job's
/// products here would leave the job's status unrecorded and the run in ERROR).
/// Handler string: <c>Sdc.Functions::Sdc.Functions.IndexerFunction::HandleAsync</c>.
/// </summary>
public sealed class IndexerFunction
{
    private readonly Func<Task<(BucketMap Buckets, IngestServices Ingest)>> _services;

    public IndexerFunction()
        : this(async () =>
        {
            var cloud = await CloudServices.GetAsync();
            return (cloud.Buckets, cloud.Ingest);
        })
    {
    }

    public IndexerFunction(BucketMap buckets, IngestServices ingest)
        : this(() => Task.FromResult((buckets, ingest)))
    {
    }

    private IndexerFunction(Func<Task<(BucketMap, IngestServices)>> services) => _services = services;

    public async Task<Stream> HandleAsync(Stream input)
    {
        var json = await FunctionIo.ReadAsync(input);
        if (EventEnvelope.Classify(json) != EventKind.ObjectCreated)
        {
            throw new EventFormatException("$", "not an S3 Object Created event",
                "an Object Created event for products:uploads/ (the pipeline's Index task goes to IndexFunction)");
        }
        var (buckets, ingest) = await _services();
        var files = new List<FileReport>();
        var indexed = new List<IndexedProduct>();
        foreach (var created in ObjectCreatedParser.Parse(json))
        {
            _ = buckets.LogicalOf(created.Bucket);
            var (product, report) = await ingest.Indexer.IndexUploadAsync(created.Key, CancellationToken.None);
            files.Add(report);
            if (product is not null)
            {
                indexed.Add(product);
            }
        }
        return FunctionIo.Write(new UploadResult(files, indexed), FunctionJsonContext.Default.UploadResult);
    }
}
