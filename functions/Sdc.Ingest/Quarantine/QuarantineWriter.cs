using System.Text.Json;
using Microsoft.Extensions.Logging;
using Sdc.Ingest.Integrity;
using Sdc.Ingest.Layout;
using Sdc.Storage;

namespace Sdc.Ingest.Quarantine;

/// <summary>
/// Moves a refused file to <c>archive:quarantine/&lt;day&gt;/&lt;name&gt;</c> with its reason beside it.
/// The reason is written first: a crash in between leaves the file where it was (to be checked
/// again), never a quarantined file without its reason.
/// </summary>
public sealed class QuarantineWriter(IObjectStore store, TimeProvider clock, ILogger<QuarantineWriter> logger)
{
    public async Task<string> QuarantineAsync(
        string sourceBucket,
        string sourceKey,
        CheckFailure failure,
        Inspection? inspection,
        string? delivery,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var fileName = StorageLayout.FileNameOf(sourceKey);
        var now = clock.GetUtcNow();
        var key = StorageLayout.QuarantineKey(now, fileName);
        var reason = new QuarantineReason(fileName, $"{sourceBucket}:{sourceKey}", failure.Check.ToString().ToLowerInvariant(), failure.Code,
            failure.Expected, failure.Actual, failure.Message, now, delivery, inspection?.Size, inspection?.Md5, inspection?.Sha256);
        var json = JsonSerializer.SerializeToUtf8Bytes(reason, IngestJsonContext.Default.QuarantineReason);
        await store.PutAsync(Buckets.Archive, key + StorageLayout.ReasonSuffix, new MemoryStream(json), null, cancellationToken);
        await store.MoveAsync(sourceBucket, sourceKey, Buckets.Archive, key, cancellationToken);
        IngestLog.Quarantined(logger, sourceKey, key, failure.Code, failure.Message);
        return key;
    }
}
