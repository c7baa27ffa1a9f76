namespace Sdc.Processing;

/// <summary>The processing failed for a reason other than bad input (exit code 1), with a stable message code.</summary>
public sealed class ProcessingException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}
