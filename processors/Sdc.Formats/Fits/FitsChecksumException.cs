namespace Sdc.Formats.Fits;

/// <summary>An HDU whose CHECKSUM or DATASUM does not match its bytes.</summary>
public sealed class FitsChecksumException : FitsFormatException
{
    public FitsChecksumException()
    {
    }

    public FitsChecksumException(string message)
        : base(message)
    {
    }

    public FitsChecksumException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FitsChecksumException(int hduIndex, long offset, string message)
        : base(hduIndex, offset, message)
    {
    }
}
