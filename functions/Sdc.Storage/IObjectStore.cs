namespace Sdc.Storage;

/// <summary>
/// The object store port: buckets of objects addressed by key, as S3 has them. Buckets are
/// logical names (<c>inbox</c>, <c>archive</c>, <c>products</c>, <c>public</c>, <c>web</c>, or any
/// other valid S3 bucket name); adapters map them to where the bytes live. Every bucket name and
/// key is checked by <see cref="ObjectNames"/> before anything is touched.
/// </summary>
public interface IObjectStore
{
    /// <summary>
    /// Writes the stream to <paramref name="key"/>, replacing any object there. The object appears
    /// whole or not at all; MD5 and SHA-256 are computed from the bytes as they are read.
    /// </summary>
    /// <param name="metadata">User metadata stored with the object; see <see cref="ObjectMetadata"/> for the rules.</param>
    Task<ObjectInfo> PutAsync(
        string bucket,
        string key,
        Stream content,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default);

    /// <summary>Opens the object for reading; the caller disposes the stream.</summary>
    /// <exception cref="ObjectNotFoundException">No object at the key.</exception>
    Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken = default);

    /// <summary>Describes the object, or returns null when there is none.</summary>
    Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the objects whose keys start with <paramref name="prefix"/> (all of them when empty), at
    /// every depth, in key order (UTF-8 byte order, as S3 lists).
    /// </summary>
    IAsyncEnumerable<ObjectEntry> ListAsync(string bucket, string prefix = "", CancellationToken cancellationToken = default);

    /// <summary>Copies an object with its metadata, replacing any object at the destination.</summary>
    /// <exception cref="ObjectNotFoundException">No object at the source key.</exception>
    Task<ObjectInfo> CopyAsync(
        string sourceBucket,
        string sourceKey,
        string destinationBucket,
        string destinationKey,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves an object with its metadata: afterwards the source is gone. Atomic on the file system;
    /// copy then delete on S3 (an interruption can leave both, never neither).
    /// </summary>
    /// <exception cref="ObjectNotFoundException">No object at the source key.</exception>
    Task<ObjectInfo> MoveAsync(
        string sourceBucket,
        string sourceKey,
        string destinationBucket,
        string destinationKey,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes the object. Deleting a missing object is not an error (as on S3), so retries are safe.</summary>
    Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken = default);

    /// <summary>A URL that lets its holder GET the object without credentials until it expires.</summary>
    /// <param name="expiresIn">More than zero, at most <see cref="PresignedUrlLimits.MaxExpiry"/> (S3's limit).</param>
    Task<Uri> PresignGetAsync(string bucket, string key, TimeSpan expiresIn, CancellationToken cancellationToken = default);

    /// <summary>
    /// A URL that lets its holder PUT the object body without credentials until it expires. Objects
    /// uploaded this way carry no checksums or metadata from this port.
    /// </summary>
    /// <param name="expiresIn">More than zero, at most <see cref="PresignedUrlLimits.MaxExpiry"/> (S3's limit).</param>
    Task<Uri> PresignPutAsync(string bucket, string key, TimeSpan expiresIn, CancellationToken cancellationToken = default);
}
