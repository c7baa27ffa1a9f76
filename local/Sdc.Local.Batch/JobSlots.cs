namespace Sdc.Local.Batch;

/// <summary>
/// At most <c>capacity</c> jobs hold a slot at once. A freed slot goes straight to the next waiter:
/// the oldest waiting production job, else the oldest waiting reprocessing job, so a backlog of
/// reprocessing never delays production work beyond the jobs already running.
/// </summary>
internal sealed class JobSlots
{
    private readonly Lock _gate = new();
    private readonly LinkedList<TaskCompletionSource<Slot>>[] _waiting;
    private int _free;

    /// <param name="priorities">How many queues; 0 is served first.</param>
    public JobSlots(int capacity, int priorities)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _free = capacity;
        _waiting = [.. Enumerable.Range(0, priorities).Select(_ => new LinkedList<TaskCompletionSource<Slot>>())];
    }

    /// <summary>Jobs waiting for a slot, all queues together.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Sum(q => q.Count);
            }
        }
    }

    /// <summary>
    /// Takes a free slot or joins the queue of <paramref name="priority"/>. The caller's place in the
    /// queue is fixed when this returns (before any await), so callers are served in call order.
    /// </summary>
    public Task<Slot> WaitAsync(int priority, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var waiter = new TaskCompletionSource<Slot>(TaskCreationOptions.RunContinuationsAsynchronously);
        LinkedListNode<TaskCompletionSource<Slot>> node;
        lock (_gate)
        {
            if (_free > 0)
            {
                _free--;
                return Task.FromResult(new Slot(this));
            }
            node = _waiting[priority].AddLast(waiter);
        }
        var registration = cancellationToken.Register(() =>
        {
            // Under the gate, so a waiter is either handed a slot or removed, never both.
            lock (_gate)
            {
                if (node.List is not null)
                {
                    node.List.Remove(node);
                    waiter.TrySetCanceled(cancellationToken);
                }
            }
        });
        return WithRegistrationAsync(waiter.Task, registration);
    }

    private static async Task<Slot> WithRegistrationAsync(Task<Slot> task, CancellationTokenRegistration registration)
    {
        await using (registration.ConfigureAwait(false))
        {
            return await task.ConfigureAwait(false);
        }
    }

    private void Release()
    {
        lock (_gate)
        {
            foreach (var queue in _waiting)
            {
                if (queue.First is { } next)
                {
                    queue.RemoveFirst();
                    next.Value.TrySetResult(new Slot(this));
                    return;
                }
            }
            _free++;
        }
    }

    /// <summary>A held slot; disposing it (once) hands it on.</summary>
    public sealed class Slot(JobSlots owner) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release();
            }
        }
    }
}
