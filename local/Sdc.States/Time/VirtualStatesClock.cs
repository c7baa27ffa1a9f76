namespace Sdc.States.Time;

/// <summary>
/// Simulated time for tests and dry runs: a delay returns at once after moving the clock forward,
/// and fires every timeout whose deadline it passes. A task that should "take" 30 s awaits
/// <see cref="DelayAsync"/> with 30 s, and a 10 s task timeout fires during that wait.
/// </summary>
public sealed class VirtualStatesClock(DateTimeOffset start) : IStatesClock
{
    private readonly Lock _gate = new();
    private readonly List<(DateTimeOffset Deadline, CancellationTokenSource Source)> _timeouts = [];
    private DateTimeOffset _now = start;

    public VirtualStatesClock()
        : this(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public DateTimeOffset UtcNow
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }
    }

    /// <summary>Every delay requested so far, in order (retry back-off, Wait states): what tests assert on.</summary>
    public List<TimeSpan> Delays { get; } = [];

    public async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        List<CancellationTokenSource> due;
        lock (_gate)
        {
            Delays.Add(delay);
            if (delay > TimeSpan.Zero)
            {
                _now += delay;
            }
            due = _timeouts.Where(t => t.Deadline <= _now).Select(t => t.Source).ToList();
            _timeouts.RemoveAll(t => t.Deadline <= _now);
        }
        foreach (var source in due)
        {
            try
            {
                await source.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
                // Its owner finished before the deadline came: nothing is waiting on it any more.
            }
        }
        // Let whoever waits on a fired timeout observe it before this "sleeper" continues.
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
    }

    public CancellationTokenSource CreateTimeout(TimeSpan timeout)
    {
        var source = new CancellationTokenSource();
        lock (_gate)
        {
            _timeouts.Add((_now + timeout, source));
        }
        return source;
    }
}
