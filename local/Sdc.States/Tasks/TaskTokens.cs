using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Sdc.States.Errors;

namespace Sdc.States.Tasks;

/// <summary>
/// The outstanding task tokens of <c>.waitForTaskToken</c> tasks: a task waits on its token until
/// someone reports success or failure (SendTaskSuccess / SendTaskFailure), and heartbeats reset its
/// heartbeat timer.
/// </summary>
internal sealed class TaskTokens
{
    private readonly ConcurrentDictionary<string, Waiter> _waiters = new(StringComparer.Ordinal);

    public Waiter Issue()
    {
        var waiter = new Waiter(Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"));
        _waiters[waiter.Token] = waiter;
        return waiter;
    }

    public void Retire(string token) => _waiters.TryRemove(token, out _);

    public bool Succeed(string token, JsonNode? output) =>
        _waiters.TryRemove(token, out var waiter) && waiter.Completion.TrySetResult(output);

    public bool Fail(string token, string error, string? cause) =>
        _waiters.TryRemove(token, out var waiter) && waiter.Completion.TrySetException(new StatesException(error, cause));

    public bool Heartbeat(string token)
    {
        if (!_waiters.TryGetValue(token, out var waiter))
        {
            return false;
        }
        waiter.Beat();
        return true;
    }

    internal sealed class Waiter(string token)
    {
        private long _beats;

        public string Token { get; } = token;

        public TaskCompletionSource<JsonNode?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Beats => Interlocked.Read(ref _beats);

        public event Action? Heartbeat;

        public void Beat()
        {
            Interlocked.Increment(ref _beats);
            Heartbeat?.Invoke();
        }
    }
}
