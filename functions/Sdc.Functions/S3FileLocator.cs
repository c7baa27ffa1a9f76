using Sdc.Pipeline;

namespace Sdc.Functions;

/// <summary>
/// Where a Batch job's processor finds an object on AWS: <c>s3://&lt;physical bucket&gt;/&lt;key&gt;</c>.
/// The catalog and the planner speak logical buckets; the container only knows the deployment's
/// real ones. Keys go in unescaped, as the processors' own <c>s3://</c> parser reads them.
/// </summary>
public sealed class S3FileLocator(BucketMap buckets) : IFileLocator
{
    public string Locate(string bucket, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return buckets.PhysicalByLogical.TryGetValue(bucket, out var physical)
            ? $"s3://{physical}/{key}"
            : throw new InvalidOperationException(
                $"No physical bucket for logical bucket '{bucket}'; this deployment maps {string.Join(", ", buckets.PhysicalByLogical.Keys)}.");
    }
}
