using Amazon.Runtime;
using Sdc.Storage;
using Sdc.Storage.S3;

namespace Sdc.Processing;

/// <summary>
/// Where job files and products live: a local path (or <c>file://</c> URI) on one machine, an
/// <c>s3://bucket/key</c> URI on AWS. S3 access goes through the SDC's object-store port, so the
/// same processor binary runs in a Batch container and by hand.
/// </summary>
public static class FileLocations
{
    /// <summary>Optional S3 endpoint (an S3-compatible server for local tests); AWS when unset.</summary>
    public const string S3EndpointVariable = "SDC_S3_ENDPOINT";

    public static bool IsS3(string location) => location.StartsWith("s3://", StringComparison.Ordinal);

    /// <summary>A local path for a local location (relative ones are taken from <paramref name="baseDirectory"/>).</summary>
    public static string LocalPath(string location, string baseDirectory)
    {
        var path = location.StartsWith("file://", StringComparison.Ordinal) ? new Uri(location).LocalPath : location;
        return Path.GetFullPath(path, baseDirectory);
    }

    public static (string Bucket, string Key) SplitS3(string location)
    {
        var rest = location["s3://".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 ? throw new FormatException($"'{location}' is not an s3://bucket/key URI") : (rest[..slash], rest[(slash + 1)..]);
    }

    /// <summary>An object store that reaches the given physical S3 bucket under its own name.</summary>
    public static S3ObjectStore S3Store(string bucket)
    {
        var endpoint = Environment.GetEnvironmentVariable(S3EndpointVariable);
        return new S3ObjectStore(new S3ObjectStoreOptions
        {
            BucketNames = new Dictionary<string, string> { [bucket] = bucket },
            ServiceUrl = string.IsNullOrEmpty(endpoint) ? null : new Uri(endpoint),
            ForcePathStyle = !string.IsNullOrEmpty(endpoint),
            Region = Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-east-1",
            Credentials = string.IsNullOrEmpty(endpoint) ? null : new BasicAWSCredentials(
                Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") ?? "S3RVER", Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY") ?? "S3RVER"),
        });
    }
}
