namespace Sdc.Storage.FileSystem;

/// <summary>The verdict on a request made with a presigned URL of the <see cref="FileSystemObjectStore"/>.</summary>
public enum PresignedUrlStatus
{
    /// <summary>Signed by this store for this method, bucket and key, and not expired: serve it.</summary>
    Valid,

    /// <summary>Genuine but past its expiry.</summary>
    Expired,

    /// <summary>Missing, malformed or wrong signature, or not for this method, bucket and key.</summary>
    Invalid,
}
