using Sdc.Processors.Exi.Level1;
using Sdc.Processors.Exi.Level2;

namespace Sdc.Processors.Exi;

/// <summary>
/// The Emirates eXploration Imager's processor: the job's <c>from</c> picks the step, l0 → l1
/// (<see cref="ExiLevel1Step"/>) or l1 → l2 + ql (<see cref="ExiLevel2Step"/>).
/// </summary>
public sealed class ExiProcessor : IProcessor
{
    public string Name => "exi";

    public string Version => "1.0.0";

    public IReadOnlyList<MessageCode> Messages => ExiMessages.All;

    public Task RunAsync(ProcessingContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = ExiSettings.From(context.Config);
        return context.Job.From switch
        {
            "l0" => new ExiLevel1Step(context, settings).RunAsync(cancellationToken),
            "l1" => new ExiLevel2Step(context, settings).RunAsync(cancellationToken),
            var other => throw new BadInputException(ExiMessages.UnsupportedStep, $"job: EXI processes from l0 (to l1) or from l1 (to l2 and ql), not from {other}"),
        };
    }
}
