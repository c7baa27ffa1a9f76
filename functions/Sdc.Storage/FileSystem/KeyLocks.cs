namespace Sdc.Storage.FileSystem;

/// <summary>
/// Serialises, within one process, the few steps that must not interleave for one key (writing the
/// sidecar and renaming the object into place; reading both back). Striped, so memory stays fixed.
/// </summary>
internal sealed class KeyLocks
{
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public Task<IDisposable> AcquireAsync(string bucket, string key, CancellationToken cancellationToken) =>
        AcquireAsync([Stripe(bucket, key)], cancellationToken);

    public Task<IDisposable> AcquireAsync(string bucket1, string key1, string bucket2, string key2, CancellationToken cancellationToken) =>
        AcquireAsync([Stripe(bucket1, key1), Stripe(bucket2, key2)], cancellationToken);

    private async Task<IDisposable> AcquireAsync(int[] stripes, CancellationToken cancellationToken)
    {
        // Always in ascending order, so two callers taking the same pair cannot deadlock.
        var ordered = stripes.Distinct().Order().ToArray();
        var taken = new List<SemaphoreSlim>(ordered.Length);
        try
        {
            foreach (var index in ordered)
            {
                await _stripes[index].WaitAsync(cancellationToken).ConfigureAwait(false);
                taken.Add(_stripes[index]);
            }
        }
        catch
        {
            taken.ForEach(s => s.Release());
            throw;
        }

        return new Lease(taken);
    }

    private int Stripe(string bucket, string key) =>
        (int)((uint)HashCode.Combine(StringComparer.Ordinal.GetHashCode(bucket), StringComparer.Ordinal.GetHashCode(key)) % (uint)_stripes.Length);

    private sealed class Lease(List<SemaphoreSlim> taken) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                taken.ForEach(s => s.Release());
            }
        }
    }
}
