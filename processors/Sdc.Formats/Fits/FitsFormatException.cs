namespace Sdc.Formats.Fits;

/// <summary>A FITS stream that cannot be read: the message names the HDU, the card or byte offset, and what was expected.</summary>
public class FitsFormatException : Exception
{
    public FitsFormatException()
    {
    }

    public FitsFormatException(string message)
        : base(message)
    {
    }

    public FitsFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FitsFormatException(int hduIndex, long offset, string message)
        : base($"HDU {hduIndex}, byte {offset}: {message}")
    {
        HduIndex = hduIndex;
        Offset = offset;
    }

    /// <summary>Index of the HDU (0 = primary), when known.</summary>
    public int? HduIndex { get; }

    /// <summary>Offset in the stream (from where reading started) of the card or byte at fault, when known.</summary>
    public long? Offset { get; }
}
