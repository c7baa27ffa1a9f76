namespace Sdc.Processing;

/// <summary>Everything a processor's run can use: the job, its configuration, verified local inputs, the message log and the product writer.</summary>
public sealed class ProcessingContext(
    ProcessorJob job,
    ProcessorConfig config,
    MessageLog log,
    ProductWriter products,
    IReadOnlyDictionary<string, string> localInputs,
    string workDirectory)
{
    public ProcessorJob Job { get; } = job;

    public ProcessorConfig Config { get; } = config;

    public MessageLog Log { get; } = log;

    public ProductWriter Products { get; } = products;

    public string WorkDirectory { get; } = workDirectory;

    /// <summary>The verified local copy of a job file.</summary>
    public string InputPath(JobFile file) => localInputs[file.Name];
}
