using Amazon.CDK;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace Sdc.Infra.Building;

/// <summary>
/// The one way the SDC makes a bucket: S3-managed encryption, every public access blocked,
/// TLS 1.2+ only, objects owned by the bucket owner (no ACLs), EventBridge notifications on,
/// incomplete multipart uploads cleaned up.
/// </summary>
/// <remarks>
/// S3-managed keys (SSE-S3) rather than KMS: the data is a mission's science archive, public
/// after each release, so a customer key would add a KMS call per object read and write (and
/// per-request cost at reprocessing scale) without protecting anything a bucket policy does not.
/// A mission with controlled data changes <see cref="BucketEncryption"/> here, in one place.
/// </remarks>
public static class SecureBucket
{
    public static Bucket Create(Construct scope, string id, StageSettings stage, bool versioned, params LifecycleRule[] lifecycle) =>
        new(scope, id, new BucketProps
        {
            Encryption = BucketEncryption.S3_MANAGED,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            MinimumTLSVersion = 1.2,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            Versioned = versioned,
            EventBridgeEnabled = true,
            LifecycleRules = [new LifecycleRule { Id = "abort-incomplete-uploads", AbortIncompleteMultipartUploadAfter = Duration.Days(2) }, .. lifecycle],
            RemovalPolicy = stage.RetainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
            AutoDeleteObjects = !stage.RetainData,
        });
}
