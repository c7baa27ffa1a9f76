using Amazon.CDK;
using Amazon.CDK.AWS.S3;
using Constructs;
using Sdc.Infra.Building;

namespace Sdc.Infra.Stacks;

/// <summary>
/// The SDC's buckets, with the same logical names the local runtime uses for its folders
/// (inbox, archive, products, public). Versioning keeps what must survive a mistake (the archive
/// and products: an overwrite or delete leaves the previous version for 90 days).
/// </summary>
public sealed class StorageStack : Stack
{
    public StorageStack(Construct scope, string id, StageSettings settings, IStackProps props)
        : base(scope, id, props)
    {
        // Everything delivered leaves the inbox for the archive or quarantine within minutes; what is
        // left after a week is a failure someone has already been alarmed about.
        Inbox = SecureBucket.Create(this, "Inbox", settings, versioned: false,
            new LifecycleRule { Id = "expire-leftovers", Expiration = Duration.Days(7) });
        Archive = SecureBucket.Create(this, "Archive", settings, versioned: true,
            new LifecycleRule { Id = "expire-replaced-versions", NoncurrentVersionExpiration = Duration.Days(90) },
            // Level 0 is read again only by reprocessing campaigns: after six months it moves to
            // Glacier Instant Retrieval (same millisecond reads, about a sixth of the storage price).
            new LifecycleRule
            {
                Id = "level0-to-glacier-ir",
                Prefix = "l0/",
                Transitions = [new Transition { StorageClass = StorageClass.GLACIER_INSTANT_RETRIEVAL, TransitionAfter = Duration.Days(180) }],
            });
        Products = SecureBucket.Create(this, "Products", settings, versioned: true,
            new LifecycleRule { Id = "expire-replaced-versions", NoncurrentVersionExpiration = Duration.Days(90) },
            // Job outputs are moved to canonical keys by the Index task; a job that died leaves its
            // outputs for a week of debugging. The copies the Index task moved away would otherwise
            // stay 90 days as noncurrent versions: a whole second copy of every campaign's products
            // (docs/cost-model.md).
            new LifecycleRule { Id = "expire-job-outputs", Prefix = "jobs/", Expiration = Duration.Days(7), NoncurrentVersionExpiration = Duration.Days(1) });
        Public = SecureBucket.Create(this, "Public", settings, versioned: true);
    }

    public Bucket Inbox { get; }

    public Bucket Archive { get; }

    public Bucket Products { get; }

    /// <summary>Release manifests (released products are presigned from <see cref="Products"/>).</summary>
    public Bucket Public { get; }
}
