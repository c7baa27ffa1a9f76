using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Sdc.Catalog;
using Sdc.Ingest.Integrity;
using Sdc.Ingest.Layout;
using Sdc.Ingest.Reconciliation;
using Sdc.Mission;
using Sdc.Storage;

namespace Sdc.Ingest;

/// <summary>
/// The reconciler function's domain handler (scheduled, and <c>sdc reconcile</c>): walks each
/// bucket's listing and the catalog's rows side by side, both in key order, so memory stays flat
/// however large the archive. Reports objects the catalog lacks, rows whose objects are gone,
/// size mismatches (always) and checksum mismatches (on a sample, or every file). With repair,
/// orphans the mission can name are re-registered from their bytes, and lost or damaged files
/// are flagged in the catalog (cleared again when a later run finds them whole).
/// </summary>
public sealed class Reconciler(Mission.Mission mission, IObjectStore store, ICatalog catalog, TimeProvider clock, ILogger<Reconciler> logger)
{
    private static readonly string[] CataloguedBuckets = [Buckets.Archive, Buckets.Products];

    public async Task<ReconcileReport> RunAsync(ReconcileOptions options, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var started = clock.GetUtcNow();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var run = new RunState(options, progress);
        foreach (var bucket in CataloguedBuckets)
        {
            await ReconcileBucketAsync(bucket, run, cancellationToken);
        }
        string? reportKey = null;
        var report = new ReconcileReport(started, watch.Elapsed, run.Objects, run.Rows, run.Checksummed, run.BytesChecksummed, run.Drifts, run.Cleared, null);
        if (options.WriteReport)
        {
            reportKey = $"{StorageLayout.ReportPrefix}reconcile/{started.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.json";
            var json = JsonSerializer.SerializeToUtf8Bytes(report with { ReportKey = reportKey }, IngestJsonContext.Default.ReconcileReport);
            await store.PutAsync(Buckets.Archive, reportKey, new MemoryStream(json), null, cancellationToken);
        }
        return report with { ReportKey = reportKey };
    }

    private async Task ReconcileBucketAsync(string bucket, RunState run, CancellationToken cancellationToken)
    {
        await using var objects = Catalogued(store.ListAsync(bucket, "", cancellationToken), bucket).GetAsyncEnumerator(cancellationToken);
        await using var rows = catalog.Files.ListAsync(bucket, "", cancellationToken).GetAsyncEnumerator(cancellationToken);
        var hasObject = await objects.MoveNextAsync();
        var hasRow = await rows.MoveNextAsync();
        while (hasObject || hasRow)
        {
            var order = !hasObject ? 1 : !hasRow ? -1 : KeyOrder.Instance.Compare(objects.Current.Key, rows.Current.Key);
            if (order < 0)
            {
                run.Objects++;
                await OrphanAsync(bucket, objects.Current, run, cancellationToken);
                hasObject = await objects.MoveNextAsync();
            }
            else if (order > 0)
            {
                run.Rows++;
                await LostAsync(rows.Current, run, cancellationToken);
                hasRow = await rows.MoveNextAsync();
            }
            else
            {
                run.Objects++;
                run.Rows++;
                await CompareAsync(objects.Current, rows.Current, run, cancellationToken);
                hasObject = await objects.MoveNextAsync();
                hasRow = await rows.MoveNextAsync();
            }
            run.Progress?.Report(run.Objects + run.Rows);
        }
    }

    private static async IAsyncEnumerable<ObjectEntry> Catalogued(IAsyncEnumerable<ObjectEntry> entries, string bucket)
    {
        await foreach (var entry in entries)
        {
            if (StorageLayout.IsCatalogued(bucket, entry.Key))
            {
                yield return entry;
            }
        }
    }

    private async Task OrphanAsync(string bucket, ObjectEntry entry, RunState run, CancellationToken cancellationToken)
    {
        var fileName = StorageLayout.FileNameOf(entry.Key);
        string? action = null;
        if (run.Options.Repair)
        {
            action = await ReregisterAsync(bucket, entry, fileName, cancellationToken);
        }
        run.Add(new Drift(DriftKind.Orphan, bucket, entry.Key, $"{entry.Size} bytes, not in the catalog", action), logger);
    }

    private async Task<string> ReregisterAsync(string bucket, ObjectEntry entry, string fileName, CancellationToken cancellationToken)
    {
        if (!mission.TryParseFileName(fileName, out var name, out var error) || name!.Kind == FileNameKind.Delivery || name.IsChecksumSidecar)
        {
            return $"left alone: {error?.Message ?? "not a catalogued kind of file"}";
        }
        var identity = FileIdentity.Of(mission, name, fileName);
        if (identity.Location.Bucket != bucket || identity.Location.Key != entry.Key)
        {
            return $"left alone: its canonical place is {identity.Location.Bucket}:{identity.Location.Key}";
        }
        Inspection inspection;
        await using (var content = await store.OpenReadAsync(bucket, entry.Key, cancellationToken))
        {
            inspection = await FileInspector.InspectAsync(content, fileName, identity.Format, name.KernelType, name.Extension ?? "", null, cancellationToken);
        }
        if (inspection.Failure is { } failure)
        {
            return $"left alone: {failure.Message}";
        }
        var result = await catalog.Files.RegisterAsync(
            identity.ToRegistration(inspection.Size, inspection.Md5, inspection.Sha256, inspection.Start, inspection.End), cancellationToken);
        return result.Outcome == RegistrationOutcome.Conflict ? "left alone: the key was registered meanwhile with other content" : $"re-registered as file {result.File.Id}";
    }

    private async Task LostAsync(CatalogFile row, RunState run, CancellationToken cancellationToken)
    {
        var detail = $"catalogued {row.SizeBytes} bytes (file {row.Id}), no object";
        string? action = null;
        if (run.Options.Repair)
        {
            await catalog.Problems.FlagAsync(row.Id, FileProblemKind.Lost, detail, clock.GetUtcNow(), cancellationToken);
            action = "flagged LOST";
        }
        run.Add(new Drift(DriftKind.Lost, row.Bucket, row.Key, detail, action), logger);
    }

    private async Task CompareAsync(ObjectEntry entry, CatalogFile row, RunState run, CancellationToken cancellationToken)
    {
        Drift? drift = null;
        if (entry.Size != row.SizeBytes)
        {
            drift = new Drift(DriftKind.SizeMismatch, row.Bucket, row.Key, $"storage has {entry.Size} bytes, the catalog {row.SizeBytes}", null);
        }
        else if (Sampled(row.Key, run.Options.ChecksumSample))
        {
            await using var content = await store.OpenReadAsync(row.Bucket, row.Key, cancellationToken);
            await using var hashing = new HashingReadStream(content);
            await hashing.DrainAsync(cancellationToken);
            var (md5, sha256) = hashing.Finish();
            run.Checksummed++;
            run.BytesChecksummed += hashing.BytesRead;
            if (md5 != row.Md5 || sha256 != row.Sha256)
            {
                drift = new Drift(DriftKind.ChecksumMismatch, row.Bucket, row.Key, $"storage sha256 {sha256}, the catalog {row.Sha256}", null);
            }
        }

        if (drift is null)
        {
            if (run.Options.Repair && await catalog.Problems.ClearAsync(row.Id, cancellationToken))
            {
                run.Cleared++;
            }
            return;
        }
        if (run.Options.Repair)
        {
            var kind = drift.Kind == DriftKind.SizeMismatch ? FileProblemKind.SizeMismatch : FileProblemKind.ChecksumMismatch;
            await catalog.Problems.FlagAsync(row.Id, kind, drift.Detail, clock.GetUtcNow(), cancellationToken);
            drift = drift with { Action = $"flagged {DbName(kind)}" };
        }
        run.Add(drift, logger);
    }

    /// <summary>Whether a key falls in the sample: a stable hash of the key against the share.</summary>
    private static bool Sampled(string key, double share) =>
        share >= 1 || (share > 0 && BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(key))) < share * uint.MaxValue);

    private static string DbName(FileProblemKind kind) => kind switch
    {
        FileProblemKind.SizeMismatch => "SIZE_MISMATCH",
        FileProblemKind.ChecksumMismatch => "CHECKSUM_MISMATCH",
        _ => "LOST",
    };

    private sealed class RunState(ReconcileOptions options, IProgress<long>? progress)
    {
        public ReconcileOptions Options { get; } = options;

        public IProgress<long>? Progress { get; } = progress;

        public List<Drift> Drifts { get; } = [];

        public long Objects { get; set; }

        public long Rows { get; set; }

        public long Checksummed { get; set; }

        public long BytesChecksummed { get; set; }

        public int Cleared { get; set; }

        public void Add(Drift drift, ILogger logger)
        {
            Drifts.Add(drift);
            IngestLog.Drift(logger, drift.Kind.ToString(), drift.Bucket, drift.Key, drift.Detail);
        }
    }
}
