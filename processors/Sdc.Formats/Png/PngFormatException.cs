namespace Sdc.Formats.Png;

/// <summary>A stream that is not a PNG this library reads; the message says where and why.</summary>
public sealed class PngFormatException : Exception
{
    public PngFormatException()
    {
    }

    public PngFormatException(string message)
        : base(message)
    {
    }

    public PngFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
