namespace Sdc.Promotion.Runs;

/// <summary>
/// Runs one job of a validation with the processor of its role, under the processor contract
/// (the job JSON in <c>SDC_JOB</c>), and says how it ended. A job that fails or times out is a
/// result, not an exception.
/// </summary>
public interface IProcessorRunner
{
    Task<ProcessorRunResult> RunAsync(ProcessorRunRequest request, CancellationToken cancellationToken);
}
