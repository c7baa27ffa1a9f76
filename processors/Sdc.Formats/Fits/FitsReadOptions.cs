namespace Sdc.Formats.Fits;

public sealed record FitsReadOptions
{
    public static FitsReadOptions Default { get; } = new();

    /// <summary>
    /// Check DATASUM and CHECKSUM of every HDU that has them; a mismatch throws
    /// <see cref="FitsChecksumException"/> naming the HDU. On by default.
    /// </summary>
    public bool VerifyChecksums { get; init; } = true;

    /// <summary>Throw if an HDU has no CHECKSUM and DATASUM (only with <see cref="VerifyChecksums"/>).</summary>
    public bool RequireChecksums { get; init; }
}
