namespace Sdc.Simulator;

/// <summary>Everything a run wrote, ordered by name, the delivery record last, and the faults it injected.</summary>
public sealed record SimulationResult(IReadOnlyList<SimulatedFile> Files, IReadOnlyList<InjectedFault> Faults)
{
    public SimulatedFile DeliveryRecord => Files[^1];

    public long TotalBytes => Files.Sum(f => f.Size);
}
