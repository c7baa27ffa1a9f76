namespace Sdc.Mission;

/// <summary>
/// An instrument team's processor: the container image AWS Batch runs (or the local job runner
/// starts), the resources each job gets, and the steps it performs.
/// </summary>
public sealed record ProcessorSpec(
    string Instrument,
    string Image,
    double Vcpu,
    int MemoryMiB,
    int TimeoutSeconds,
    int RetryAttempts,
    IReadOnlyList<ProcessingStep> Steps)
{
    /// <summary>The step whose input is files of the given level, or null when none reads it.</summary>
    public ProcessingStep? StepFrom(string level) => Steps.FirstOrDefault(s => s.From == level);
}
