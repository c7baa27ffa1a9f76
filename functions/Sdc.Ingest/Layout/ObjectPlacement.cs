using System.Security.Cryptography;
using Sdc.Storage;

namespace Sdc.Ingest.Layout;

/// <summary>
/// Puts a checked file at its canonical key, idempotently: when the destination already holds
/// these bytes the source copy is dropped, otherwise the source is moved there. Shared by ingest
/// (inbox → archive) and the indexer (job outputs and uploads → products).
/// </summary>
internal static class ObjectPlacement
{
    /// <returns>True when this call moved the file in; false when the destination already had it (or another invocation moved it first).</returns>
    public static async Task<bool> PlaceAsync(IObjectStore store, string sourceBucket, string sourceKey, ArchiveLocation destination, string sha256,
        CancellationToken cancellationToken)
    {
        var existing = await store.HeadAsync(destination.Bucket, destination.Key, cancellationToken);
        if (existing is not null && await Sha256OfAsync(store, existing, cancellationToken) == sha256)
        {
            await store.DeleteAsync(sourceBucket, sourceKey, cancellationToken);
            return false;
        }
        try
        {
            await store.MoveAsync(sourceBucket, sourceKey, destination.Bucket, destination.Key, cancellationToken);
            return true;
        }
        catch (ObjectNotFoundException)
        {
            // Another invocation for the same event moved it first.
            return false;
        }
    }

    /// <summary>The object's SHA-256: from the store when it recorded one, else hashed (files written straight into bucket folders carry none).</summary>
    private static async Task<string> Sha256OfAsync(IObjectStore store, ObjectInfo info, CancellationToken cancellationToken)
    {
        if (info.Sha256 is { } known)
        {
            return known;
        }
        await using var stream = await store.OpenReadAsync(info.Bucket, info.Key, cancellationToken);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
