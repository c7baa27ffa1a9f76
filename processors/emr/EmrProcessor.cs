using Sdc.Processors.Emr.Steps;

namespace Sdc.Processors.Emr;

/// <summary>
/// The EMIRS processor: from l0 it makes l1 (<see cref="Level1Step"/>), from l1 it makes l2 and ql
/// (<see cref="Level2Step"/>), as mission.yaml's steps for emr say.
/// </summary>
public sealed class EmrProcessor : IProcessor
{
    public string Name => "emr";

    public string Version => "1.0.0";

    public IReadOnlyList<MessageCode> Messages => EmrMessages.All;

    public Task RunAsync(ProcessingContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = EmrSettings.From(context.Config);
        var job = context.Job;
        return job.From switch
        {
            "l0" when job.Produces.Count > 0 && job.Produces.All(p => p == "l1") => Level1Step.RunAsync(context, settings, cancellationToken),
            "l1" when job.Produces.Count > 0 && job.Produces.All(p => p is "l2" or "ql") => Level2Step.RunAsync(context, settings, cancellationToken),
            _ => throw new BadInputException(EmrMessages.UnsupportedStep,
                $"the job asks for {string.Join(", ", job.Produces)} from {job.From}; the EMIRS processor makes l1 from l0, and l2 and ql from l1"),
        };
    }
}
