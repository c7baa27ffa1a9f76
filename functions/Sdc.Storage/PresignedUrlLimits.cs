namespace Sdc.Storage;

/// <summary>Bounds on presigned URL lifetimes, the same for every adapter.</summary>
public static class PresignedUrlLimits
{
    /// <summary>S3's limit for SigV4 presigned URLs.</summary>
    public static readonly TimeSpan MaxExpiry = TimeSpan.FromDays(7);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless 0 &lt; <paramref name="expiresIn"/> ≤ <see cref="MaxExpiry"/>.</summary>
    public static void Validate(TimeSpan expiresIn)
    {
        if (expiresIn <= TimeSpan.Zero || expiresIn > MaxExpiry)
        {
            throw new ArgumentOutOfRangeException(
                nameof(expiresIn), expiresIn, $"A presigned URL must expire after more than zero and at most {MaxExpiry.TotalDays} days.");
        }
    }
}
