using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sdc.Processing;

/// <summary>
/// Writes products under the job's output prefix (a local folder, or an S3 prefix) and, last,
/// outputs.json listing every product with its metadata and checksums. Until outputs.json exists
/// the job has produced nothing: the indexer only reads what it lists. Local writes are atomic
/// (temp file, then rename), so a crash never leaves a half-written product under its name.
/// </summary>
public sealed class ProductWriter(ProcessorJob job, string jobDirectory, MessageLog log)
{
    public const string OutputsFileName = "outputs.json";

    // Plain ASCII where JSON allows it ("+00:00", not "\u002B00:00"): outputs.json is read by people too.
    private static readonly ProcessingJsonContext Json = new(new System.Text.Json.JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    });

    private readonly List<ProductRecord> _products = [];

    public IReadOnlyList<ProductRecord> Products => _products;

    /// <summary>Writes one product: <paramref name="write"/> fills a stream with its bytes.</summary>
    public async Task<ProductRecord> WriteAsync(ProductDescription product, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        if (product.Name != Path.GetFileName(product.Name) || product.Name == OutputsFileName)
        {
            throw new ProcessingException(SdkMessages.OutputFailed, $"product name '{product.Name}' must be a plain file name other than {OutputsFileName}");
        }
        if (_products.Any(p => p.Name == product.Name))
        {
            throw new ProcessingException(SdkMessages.OutputFailed, $"product '{product.Name}' was written twice");
        }
        using var buffer = new MemoryStream();
        await write(buffer);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        await StoreAsync(product.Name, bytes, cancellationToken);
        var record = new ProductRecord(product.Name, job.Instrument, product.Level, product.Descriptor, product.Start, product.End, product.Orbit,
            job.ProductVersion, bytes.Length, Convert.ToHexStringLower(MD5.HashData(bytes.Span)), Convert.ToHexStringLower(SHA256.HashData(bytes.Span)),
            product.Quality, product.QualityNotes ?? [], product.Inputs ?? job.Inputs.Select(i => i.Name).ToList(),
            job.Kernels.Select(k => k.Name).ToList(), job.Calibration.Select(c => c.Name).ToList());
        _products.Add(record);
        log.Info(SdkMessages.ProductWritten, $"{record.Name}: {record.Size} bytes, md5 {record.Md5}", record.Name);
        return record;
    }

    /// <summary>Writes outputs.json, the job's last word.</summary>
    public async Task CompleteAsync(string status, CancellationToken cancellationToken)
    {
        var outputs = new JsonObject
        {
            ["jobId"] = job.JobId,
            ["instrument"] = job.Instrument,
            ["processor"] = new JsonObject { ["name"] = job.Processor.Name, ["version"] = job.Processor.Version, ["image"] = job.Processor.Image },
            ["creationTime"] = job.CreationTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["status"] = status,
            ["products"] = new JsonArray(_products.Select(p => (JsonNode)JsonSerializer.SerializeToNode(p, Json.ProductRecord)!).ToArray()),
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(outputs, Json.JsonObject);
        await StoreAsync(OutputsFileName, bytes, cancellationToken);
    }

    private async Task StoreAsync(string name, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        try
        {
            if (FileLocations.IsS3(job.OutputPrefix))
            {
                var (bucket, prefix) = FileLocations.SplitS3(job.OutputPrefix.EndsWith('/') ? job.OutputPrefix : job.OutputPrefix + "/");
                using var store = FileLocations.S3Store(bucket);
                await store.PutAsync(bucket, prefix + name, new MemoryStream(bytes.ToArray()), null, cancellationToken);
                return;
            }
            var folder = Directory.CreateDirectory(FileLocations.LocalPath(job.OutputPrefix, jobDirectory)).FullName;
            var temp = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp");
            await File.WriteAllBytesAsync(temp, bytes, cancellationToken);
            File.Move(temp, Path.Combine(folder, name), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Amazon.Runtime.AmazonServiceException)
        {
            throw new ProcessingException(SdkMessages.OutputFailed, $"{name}: cannot be written under {job.OutputPrefix}: {e.Message}", e);
        }
    }
}
