using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sdc.Catalog;
using Sdc.Ingest.Layout;
using Sdc.Ingest.Manifests;
using Sdc.Storage;

namespace Sdc.Ingest;

/// <summary>
/// The integrity function's scheduled half (every minute on AWS, on a timer locally): hands
/// inbox objects whose event was lost back to the <see cref="IntegrityHandler"/>, quarantines
/// files that waited past the orphan timeout, finishes deliveries whose completion was
/// interrupted, and writes one manifest for the sidecar files archived since the last one once
/// none has arrived for the quiet period.
/// </summary>
public sealed class IngestSweep(IntegrityHandler handler, IObjectStore store, ICatalog catalog, ManifestWriter manifests, IngestOptions options, TimeProvider clock)
{
    /// <param name="quietPeriod">Overrides <see cref="IngestOptions.QuietPeriod"/> (zero: manifest sidecar files now).</param>
    public async Task<SweepReport> RunAsync(TimeSpan? quietPeriod, CancellationToken cancellationToken)
    {
        var quiet = quietPeriod ?? options.QuietPeriod;
        var now = clock.GetUtcNow();
        var reports = new List<FileReport>();

        // Objects younger than the quiet period are left to their own events, still in flight.
        var stale = new List<ObjectEntry>();
        await foreach (var entry in store.ListAsync(Buckets.Inbox, "", cancellationToken))
        {
            if (now - entry.LastModified >= quiet)
            {
                stale.Add(entry);
            }
        }
        foreach (var entry in stale)
        {
            foreach (var report in await handler.HandleAsync(Buckets.Inbox, entry.Key, cancellationToken))
            {
                var waited = now - entry.LastModified;
                reports.Add(report.Outcome == IngestOutcome.Waiting && report.Key == entry.Key && waited >= options.OrphanTimeout
                    ? await handler.QuarantineOrphanAsync(entry.Key, waited, cancellationToken)
                    : report);
            }
        }

        var written = new List<string>();
        foreach (var delivery in await catalog.Deliveries.ListWaitingAsync(cancellationToken))
        {
            if (await handler.TryCompleteDeliveryAsync(delivery.Id, cancellationToken) is { } key)
            {
                written.Add(key);
            }
        }
        if (await WriteSidecarManifestAsync(now, quiet, cancellationToken) is { } sidecarManifest)
        {
            written.Add(sidecarManifest);
        }
        return new SweepReport(reports, written);
    }

    private async Task<string?> WriteSidecarManifestAsync(DateTimeOffset now, TimeSpan quiet, CancellationToken cancellationToken)
    {
        var loose = await catalog.Deliveries.ListLooseAsync(cancellationToken);
        if (loose.Count == 0 || now - loose.Max(f => f.ArchivedAt) < quiet)
        {
            return null;
        }
        var files = new List<CatalogFile>(loose.Count);
        foreach (var file in loose)
        {
            if (await catalog.Files.FindByIdAsync(file.FileId, cancellationToken) is { } row)
            {
                files.Add(row);
            }
        }
        // Named by what it lists, so a sweep interrupted after writing it writes the same one again.
        var ids = string.Join(',', loose.Select(f => f.FileId.ToString(CultureInfo.InvariantCulture)));
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ids)))[..12];
        var oldest = loose.Min(f => f.ArchivedAt);
        var manifestId = $"sidecar_{oldest.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}_{digest}";
        var key = await manifests.WriteAsync(manifestId, oldest, ManifestWriter.SidecarSource, null, files, cancellationToken);
        await catalog.Deliveries.RemoveLooseAsync(loose.Select(f => f.FileId).ToList(), cancellationToken);
        return key;
    }
}
