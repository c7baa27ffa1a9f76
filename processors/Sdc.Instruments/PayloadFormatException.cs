namespace Sdc.Instruments;

/// <summary>A packet's user data does not follow its instrument's payload layout (too short, a field out of range).</summary>
public sealed class PayloadFormatException : FormatException
{
    public PayloadFormatException()
    {
    }

    public PayloadFormatException(string message)
        : base(message)
    {
    }

    public PayloadFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static void RequireLength(ReadOnlySpan<byte> payload, int needed, string what)
    {
        if (payload.Length < needed)
        {
            throw new PayloadFormatException($"{what}: {payload.Length} bytes of user data, the layout needs {needed}.");
        }
    }
}
