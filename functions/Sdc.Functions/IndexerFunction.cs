using System.Text.Json;
using Sdc.Events;
using Sdc.Ingest;
using Sdc.Ingest.Indexing;

namespace Sdc.Functions;

/// <summary>
/// The indexer Lambda: the pipeline's Index task sends <c>{"jobId": …, "outputPrefix": "jobs/…/"}</c>
/// and gets the <see cref="IndexReport"/> back; Object Created events under
/// <c>products:uploads/</c> index ITF Level 3 uploads. A missing or malformed outputs.json fails
/// the invocation with <see cref="JobOutputsException"/>, the name the state machine catches.
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
        var (buckets, ingest) = await _services();
        if (EventEnvelope.Classify(json) == EventKind.ObjectCreated)
        {
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
        var request = JsonSerializer.Deserialize(json, FunctionJsonContext.Default.IndexRequest);
        if (request?.OutputPrefix is null)
        {
            throw new JobOutputsException("The Index task's payload needs \"outputPrefix\" (the job's prefix in the products bucket) and optionally \"jobId\".");
        }
        var result = await ingest.Indexer.IndexJobAsync(request, CancellationToken.None);
        return FunctionIo.Write(result, FunctionJsonContext.Default.IndexReport);
    }
}
