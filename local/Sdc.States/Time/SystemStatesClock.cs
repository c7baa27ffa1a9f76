namespace Sdc.States.Time;

/// <summary>Real time: waits really wait.</summary>
public sealed class SystemStatesClock : IStatesClock
{
    public static readonly SystemStatesClock Instance = new();

    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, cancellationToken);

    public CancellationTokenSource CreateTimeout(TimeSpan timeout) => new(timeout);
}
