namespace Sdc.Processing;

/// <summary>
/// An instrument team's processing code, as the SDK runs it: a name and version (which the job
/// must ask for), the table of message codes it may emit, and the work itself.
/// </summary>
public interface IProcessor
{
    string Name { get; }

    string Version { get; }

    IReadOnlyList<MessageCode> Messages { get; }

    /// <summary>
    /// Reads <see cref="ProcessingContext.InputPath"/> files and writes products through
    /// <see cref="ProcessingContext.Products"/>. Problems in the data are warnings (and quality
    /// flags); an unreadable input is a <see cref="BadInputException"/>; anything else a
    /// <see cref="ProcessingException"/>.
    /// </summary>
    Task RunAsync(ProcessingContext context, CancellationToken cancellationToken);
}
