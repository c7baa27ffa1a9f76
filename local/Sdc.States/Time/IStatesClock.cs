namespace Sdc.States.Time;

/// <summary>
/// Where the interpreter gets time: Wait states, retry delays, timeouts and history timestamps.
/// Tests use <see cref="VirtualStatesClock"/> so that nothing ever sleeps.
/// </summary>
public interface IStatesClock
{
    DateTimeOffset UtcNow { get; }

    Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>A token cancelled once <paramref name="timeout"/> has passed on this clock (for task timeouts and heartbeats).</summary>
    CancellationTokenSource CreateTimeout(TimeSpan timeout);
}
