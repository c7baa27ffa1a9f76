namespace Sdc.Formats.Fits;

public sealed record FitsWriteOptions
{
    public static FitsWriteOptions Default { get; } = new();

    /// <summary>Write DATASUM and CHECKSUM in every HDU (FITS checksum convention). On by default.</summary>
    public bool Checksums { get; init; } = true;
}
