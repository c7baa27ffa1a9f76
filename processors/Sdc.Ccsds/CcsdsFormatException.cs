namespace Sdc.Ccsds;

/// <summary>
/// The bytes are not a valid stream of space packets: a truncated header, a packet whose declared
/// length runs past the end of the data, a version other than 0, or a secondary header too short
/// for its time code. <see cref="Offset"/> is the byte offset of the packet that is wrong.
/// </summary>
public sealed class CcsdsFormatException : FormatException
{
    public CcsdsFormatException()
        : this(0, "invalid space packet")
    {
    }

    public CcsdsFormatException(string message)
        : base(message)
    {
    }

    public CcsdsFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CcsdsFormatException(long offset, string problem)
        : base($"CCSDS packet at byte offset {offset}: {problem}")
    {
        Offset = offset;
        Problem = problem;
    }

    /// <summary>Byte offset, from the start of the file or stream, of the packet that is wrong.</summary>
    public long Offset { get; }

    /// <summary>What is wrong, without the offset (e.g. "declares 6150 bytes but only 812 remain").</summary>
    public string Problem { get; } = "";
}
