namespace Sdc.Storage.FileSystem;

/// <summary>Where a <see cref="FileSystemObjectStore"/> keeps its buckets and how it signs URLs.</summary>
public sealed class FileSystemObjectStoreOptions
{
    /// <summary>
    /// The folder holding one folder per bucket (<c>&lt;data&gt;/buckets</c>: bucket <c>inbox</c> is
    /// <c>&lt;data&gt;/buckets/inbox</c>). The store's own files (temporary files, metadata sidecars)
    /// live in <c>.sdc-store</c> beside the bucket folders, a name no bucket can have. All of it must be
    /// one file system, so that a rename is atomic.
    /// </summary>
    public required string RootPath { get; init; }

    /// <summary>Base of presigned URLs: the local host serving <c>{PublicBaseUrl}/objects/{bucket}/{key}</c>. Needed only to presign.</summary>
    public Uri? PublicBaseUrl { get; init; }

    /// <summary>HMAC-SHA256 key for presigned URLs, at least 32 bytes, shared with the host that verifies them. Needed only to presign.</summary>
    public ReadOnlyMemory<byte> SigningKey { get; init; }
}
