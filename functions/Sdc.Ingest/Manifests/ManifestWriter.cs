using System.Text.Json;
using Microsoft.Extensions.Logging;
using Sdc.Catalog;
using Sdc.Ingest.Layout;
using Sdc.Storage;

namespace Sdc.Ingest.Manifests;

/// <summary>
/// Writes processing manifests, once: the key and content derive from what the manifest lists,
/// and an existing manifest is left alone, so a retried or duplicated completion writes nothing
/// new (and starts no second execution).
/// </summary>
public sealed class ManifestWriter(IObjectStore store, ILogger<ManifestWriter> logger)
{
    public const string DeliverySource = "delivery";
    public const string SidecarSource = "sidecar";

    public async Task<string> WriteAsync(string manifestId, DateTimeOffset created, string source, string? delivery,
        IReadOnlyList<CatalogFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var key = StorageLayout.ManifestKey(created, manifestId);
        if (await store.HeadAsync(Buckets.Archive, key, cancellationToken) is not null)
        {
            return key;
        }
        var manifest = new ProcessingManifest(manifestId, created, source, delivery, files
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => new ManifestFile(f.Id, f.Bucket, f.Key, StorageLayout.FileNameOf(f.Key), f.Kind.ToString().ToLowerInvariant(),
                f.Instrument, f.Level, f.Descriptor, f.StartTime, f.EndTime, f.SizeBytes, f.Md5, f.Sha256))
            .ToList());
        var json = JsonSerializer.SerializeToUtf8Bytes(manifest, IngestJsonContext.Default.ProcessingManifest);
        await store.PutAsync(Buckets.Archive, key, new MemoryStream(json), null, cancellationToken);
        IngestLog.ManifestWritten(logger, key, files.Count);
        return key;
    }

    /// <summary>Reads a manifest back (the planner's input).</summary>
    public static ProcessingManifest Read(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, IngestJsonContext.Default.ProcessingManifest)
        ?? throw new JsonException("The manifest is null.");
}
