using System.Threading.Channels;
using Sdc.Events;
using Sdc.Storage;

namespace Sdc.Local;

/// <summary>
/// The local object store with S3's event notifications: every object written through it (put,
/// copy, move) is announced as an Object Created event, in write order, for the runtime to route
/// the way the EventBridge rules do on AWS. Processors write their products straight into the
/// bucket folders; those are not announced, as on AWS their products are indexed by the pipeline.
/// </summary>
public sealed class EventingObjectStore(IObjectStore inner, TimeProvider clock) : IObjectStore
{
    private readonly Channel<ObjectCreated> _events = Channel.CreateUnbounded<ObjectCreated>();
    private long _sequence;

    public ChannelReader<ObjectCreated> Events => _events.Reader;

    public async Task<ObjectInfo> PutAsync(string bucket, string key, Stream content, IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default) =>
        Announce(await inner.PutAsync(bucket, key, content, metadata, cancellationToken));

    public Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken = default) => inner.OpenReadAsync(bucket, key, cancellationToken);

    public Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken = default) => inner.HeadAsync(bucket, key, cancellationToken);

    public IAsyncEnumerable<ObjectEntry> ListAsync(string bucket, string prefix = "", CancellationToken cancellationToken = default) =>
        inner.ListAsync(bucket, prefix, cancellationToken);

    public async Task<ObjectInfo> CopyAsync(string sourceBucket, string sourceKey, string destinationBucket, string destinationKey,
        CancellationToken cancellationToken = default) =>
        Announce(await inner.CopyAsync(sourceBucket, sourceKey, destinationBucket, destinationKey, cancellationToken));

    public async Task<ObjectInfo> MoveAsync(string sourceBucket, string sourceKey, string destinationBucket, string destinationKey,
        CancellationToken cancellationToken = default) =>
        Announce(await inner.MoveAsync(sourceBucket, sourceKey, destinationBucket, destinationKey, cancellationToken));

    public Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken = default) => inner.DeleteAsync(bucket, key, cancellationToken);

    public Task<Uri> PresignGetAsync(string bucket, string key, TimeSpan expiresIn, CancellationToken cancellationToken = default) =>
        inner.PresignGetAsync(bucket, key, expiresIn, cancellationToken);

    public Task<Uri> PresignPutAsync(string bucket, string key, TimeSpan expiresIn, CancellationToken cancellationToken = default) =>
        inner.PresignPutAsync(bucket, key, expiresIn, cancellationToken);

    private ObjectInfo Announce(ObjectInfo info)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        _events.Writer.TryWrite(new ObjectCreated(info.Bucket, info.Key, info.Size, info.Md5, sequence.ToString("X16", System.Globalization.CultureInfo.InvariantCulture),
            clock.GetUtcNow()));
        return info;
    }
}
