namespace Sdc.Storage;

/// <summary>Reading a small object (a record, a manifest, a sidecar) whole; callers check its size first.</summary>
public static class ObjectStoreReads
{
    /// <exception cref="ObjectNotFoundException">No object at the key.</exception>
    public static async Task<byte[]> ReadAllBytesAsync(this IObjectStore store, string bucket, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var stream = await store.OpenReadAsync(bucket, key, cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
