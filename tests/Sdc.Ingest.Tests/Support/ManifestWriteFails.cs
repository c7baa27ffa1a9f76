using Sdc.Ingest.Layout;
using Sdc.Storage;

namespace Sdc.Ingest.Tests.Support;

/// <summary>
/// A real store whose first write under <c>archive:manifests/</c> fails, as a crash between a
/// delivery's last file and its manifest would leave things.
/// </summary>
public sealed class ManifestWriteFails(IObjectStore inner) : IObjectStore
{
    private int _failures = 1;

    public Task<ObjectInfo> PutAsync(string bucket, string key, Stream content, IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default) =>
        bucket == Buckets.Archive && key.StartsWith(StorageLayout.ManifestPrefix, StringComparison.Ordinal) && Interlocked.Decrement(ref _failures) >= 0
            ? throw new IOException("injected: the process died before the manifest was written")
            : inner.PutAsync(bucket, key, content, metadata, cancellationToken);

    public Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken = default) => inner.OpenReadAsync(bucket, key, cancellationToken);

    public Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken = default) => inner.HeadAsync(bucket, key, cancellationToken);

    public IAsyncEnumerable<ObjectEntry> ListAsync(string bucket, string prefix = "", CancellationToken cancellationToken = default) =>
        inner.ListAsync(bucket, prefix, cancellationToken);

    public Task<ObjectInfo> CopyAsync(string sourceBucket, string sourceKey, string destinationBucket, string destinationKey, CancellationToken cancellationToken = default) =>
        inner.CopyAsync(sourceBucket, sourceKey, destinationBucket, destinationKey, cancellationToken);

    public Task<ObjectInfo> MoveAsync(string sourceBucket, string sourceKey, string destinationBucket, string destinationKey, CancellationToken cancellationToken = default) =>
        inner.MoveAsync(sourceBucket, sourceKey, destinationBucket, destinationKey, cancellationToken);

    public Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken = default) => inner.DeleteAsync(bucket, key, cancellationToken);

    public Task<Uri> PresignGetAsync(string bucket, string key, TimeSpan expiresIn, CancellationToken cancellationToken = default) =>
        inner.PresignGetAsync(bucket, key, expiresIn, cancellationToken);

    public Task<Uri> PresignPutAsync(string bucket, string key, TimeSpan expiresIn, CancellationToken cancellationToken = default) =>
        inner.PresignPutAsync(bucket, key, expiresIn, cancellationToken);
}
