namespace Sdc.Pipeline;

/// <summary>
/// Where a processor finds an object: a local path on one machine, an <c>s3://bucket/key</c> URI
/// (physical bucket) on AWS. The job file carries these locations.
/// </summary>
public interface IFileLocator
{
    string Locate(string bucket, string key);
}
