namespace Sdc.Processing;

/// <summary>
/// The job, configuration or an input file cannot be used (exit code 2). Names the file and, for a
/// corrupt file, the byte offset, so the person who has to fix it knows where to look.
/// </summary>
public sealed class BadInputException(string code, string message, string? file = null, long? offset = null) : Exception(message)
{
    public string Code { get; } = code;

    public string? File { get; } = file;

    public long? Offset { get; } = offset;
}
