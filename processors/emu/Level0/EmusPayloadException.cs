namespace Sdc.Processors.Emu.Level0;

/// <summary>
/// An EMUS packet's user data cannot be decoded, or contradicts the other packets of its frame.
/// <see cref="Offset"/> is the packet's byte offset in the Level 0 file.
/// </summary>
public sealed class EmusPayloadException : FormatException
{
    public EmusPayloadException()
    {
    }

    public EmusPayloadException(string message)
        : base(message)
    {
    }

    public EmusPayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EmusPayloadException(long offset, string problem, Exception? innerException = null)
        : base($"EMUS packet at byte offset {offset}: {problem}", innerException)
    {
        Offset = offset;
    }

    public long Offset { get; }
}
