namespace Sdc.Storage;

/// <summary>A bucket name broke S3's bucket naming rules (see <see cref="ObjectNames"/>); nothing was touched.</summary>
public sealed class InvalidBucketNameException : ArgumentException
{
    public InvalidBucketNameException(string bucket, string rule)
        : base($"Invalid bucket name '{ObjectNames.ForDisplay(bucket)}': {rule}.")
    {
        Bucket = bucket;
        Rule = rule;
    }

    public string Bucket { get; }

    /// <summary>The rule the name broke, in words.</summary>
    public string Rule { get; }
}
