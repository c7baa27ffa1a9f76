using Amazon.Runtime;

namespace Sdc.Storage.S3;

/// <summary>How an <see cref="S3ObjectStore"/> reaches S3 and which physical buckets it uses.</summary>
public sealed class S3ObjectStoreOptions
{
    /// <summary>S3's own minimum part size (except for the last part).</summary>
    public const int MinPartSize = 5 * 1024 * 1024;

    /// <summary>
    /// Logical bucket name (<c>inbox</c>, <c>archive</c>, ...) → physical S3 bucket name (on AWS,
    /// the per-stage names CDK created). A logical name without an entry is refused, so the store
    /// never writes to a bucket of the same name that belongs to somebody else.
    /// </summary>
    public required IReadOnlyDictionary<string, string> BucketNames { get; init; }

    /// <summary>Endpoint of an S3-compatible server (e.g. s3rver in tests); null for AWS's own endpoint for <see cref="Region"/>.</summary>
    public Uri? ServiceUrl { get; init; }

    /// <summary>AWS region (e.g. <c>me-central-1</c>); with <see cref="ServiceUrl"/>, the region to sign for. Null: the SDK's default chain (AWS_REGION in Lambda).</summary>
    public string? Region { get; init; }

    /// <summary>Address buckets as <c>{endpoint}/{bucket}/{key}</c> rather than <c>{bucket}.{endpoint}/{key}</c>; needed by most local S3 servers.</summary>
    public bool ForcePathStyle { get; init; }

    /// <summary>Credentials; null for the SDK's default chain (the Lambda or task role on AWS).</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Objects larger than this go up as a multipart upload; smaller ones are held in memory and sent in one PUT. Default 16 MiB.</summary>
    public long MultipartThreshold { get; init; } = 16 * 1024 * 1024;

    /// <summary>Size of each multipart part (held in memory while it uploads); at least <see cref="MinPartSize"/>. Default 8 MiB; S3's 10,000-part limit then caps an object at about 78 GiB.</summary>
    public int PartSize { get; init; } = 8 * 1024 * 1024;

    /// <summary>Folder for spooling large non-seekable streams before upload (see <see cref="S3ObjectStore"/>); null for the system temporary folder.</summary>
    public string? SpoolFolder { get; init; }
}
