using Sdc.Processing;
using Sdc.Processors.Emu.Level1;
using Sdc.Processors.Emu.Level2;

namespace Sdc.Processors.Emu;

/// <summary>
/// The EMUS processor: the step the job asks for (mission.yaml: l0 → l1, l1 → l2 + ql) on each of
/// its inputs. Settings come from emu.yaml (<see cref="EmuSettings"/>).
/// </summary>
public sealed class EmuProcessor : IProcessor
{
    public string Name => "emu";

    public string Version => "1.0.0";

    public IReadOnlyList<MessageCode> Messages => EmuMessages.All;

    public Task RunAsync(ProcessingContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var job = context.Job;
        var settings = EmuSettings.From(context.Config);
        return (job.From, job.Produces) switch
        {
            ("l0", ["l1"]) => Level1Step.RunAsync(context, cancellationToken),
            ("l1", var produces) when produces.Count > 0 && produces.All(p => p is "l2" or "ql") && produces.Distinct().Count() == produces.Count =>
                Level2Step.RunAsync(context, settings, produces.Contains("l2"), produces.Contains("ql"), cancellationToken),
            _ => throw new BadInputException(EmuMessages.BadStep,
                $"EMUS makes l1 from l0, and l2 and/or ql from l1; the job asks for [{string.Join(", ", job.Produces)}] from {job.From}"),
        };
    }
}
