namespace Sdc.Simulator;

/// <summary>
/// One simulated "orbit": an observation window of <see cref="SimulationOptions.OrbitDuration"/>
/// (EMM's real orbit is about 55 h; the demo uses shorter windows so a day holds several).
/// </summary>
public sealed record OrbitWindow(int Orbit, DateTime Start, DateTime End)
{
    public TimeSpan Duration => End - Start;

    /// <summary>The time of slot <paramref name="index"/> of <paramref name="count"/> spread evenly over the window.</summary>
    public DateTime Slot(int index, int count) => Start + TimeSpan.FromTicks(Duration.Ticks / Math.Max(count, 1) * index);
}
