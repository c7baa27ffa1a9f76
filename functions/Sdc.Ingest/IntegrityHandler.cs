using Microsoft.Extensions.Logging;
using Sdc.Catalog;
using Sdc.Ingest.Integrity;
using Sdc.Ingest.Layout;
using Sdc.Ingest.Manifests;
using Sdc.Ingest.Quarantine;
using Sdc.Mission;
using Sdc.Mission.Delivery;
using Sdc.Storage;

namespace Sdc.Ingest;

/// <summary>
/// The integrity function's domain handler: an object created in the inbox is checked and
/// archived, found to be a duplicate, quarantined, or left waiting for its delivery record or
/// sidecar; a delivery record is archived and its waiting files checked; a completed delivery
/// gets one processing manifest.
/// <para>
/// Every step is idempotent and ordered so that a crash anywhere leaves a state the same event
/// finishes: a file is registered (claiming its key) before it is moved, moved before the inbox
/// copy is dropped, and a registered file whose archive object is missing is moved in when seen
/// again. Nothing is deleted from the inbox before it is safe elsewhere.
/// </para>
/// </summary>
public sealed class IntegrityHandler
{
    private const string RecordSuffix = ".pdr.json";

    private readonly Mission.Mission _mission;
    private readonly IObjectStore _store;
    private readonly ICatalog _catalog;
    private readonly IngestOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly QuarantineWriter _quarantine;
    private readonly ManifestWriter _manifests;

    public IntegrityHandler(Mission.Mission mission, IObjectStore store, ICatalog catalog, IngestOptions options, TimeProvider clock, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        _mission = mission;
        _store = store;
        _catalog = catalog;
        _options = options;
        _clock = clock;
        _logger = loggers.CreateLogger<IntegrityHandler>();
        _quarantine = new QuarantineWriter(store, clock, loggers.CreateLogger<QuarantineWriter>());
        _manifests = new ManifestWriter(store, loggers.CreateLogger<ManifestWriter>());
    }

    /// <summary>Handles an ObjectCreated event for <paramref name="key"/> in <paramref name="bucket"/> (which must be the inbox).</summary>
    public async Task<IReadOnlyList<FileReport>> HandleAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (bucket != Buckets.Inbox)
        {
            return [Rejected(key, $"ingest handles the '{Buckets.Inbox}' bucket, not '{ObjectNames.ForDisplay(bucket)}'")];
        }
        if (!ObjectNames.IsValidKey(key))
        {
            try
            {
                ObjectNames.ValidateKey(key);
            }
            catch (InvalidObjectKeyException e)
            {
                return [Rejected(key, e.Message)];
            }
        }

        var fileName = StorageLayout.FileNameOf(key);
        if (!_mission.TryParseFileName(fileName, out var parsed, out var nameError))
        {
            return [await RefuseNameAsync(key, fileName, nameError!, cancellationToken)];
        }
        if (parsed!.IsChecksumSidecar)
        {
            return await HandleSidecarAsync(key, cancellationToken);
        }
        return parsed.Kind == FileNameKind.Delivery
            ? await HandleRecordAsync(key, fileName, cancellationToken)
            : [await HandleDataFileAsync(key, fileName, parsed, cancellationToken)];
    }

    /// <summary>
    /// Completes a delivery whose files all have an outcome: writes its manifest (when anything new
    /// was archived) and marks it complete. Returns the manifest key, or null when the delivery
    /// still waits or had nothing new.
    /// </summary>
    public async Task<string?> TryCompleteDeliveryAsync(long deliveryId, CancellationToken cancellationToken)
    {
        var delivery = await _catalog.Deliveries.FindByIdAsync(deliveryId, cancellationToken);
        if (delivery is null || delivery.Status == DeliveryStatus.Complete || !delivery.AllFilesSettled)
        {
            return delivery?.ManifestKey;
        }
        var archived = new List<CatalogFile>();
        foreach (var file in delivery.Files.Where(f => f.Outcome == DeliveryFileOutcome.Archived && f.FileId is not null))
        {
            archived.Add(await _catalog.Files.FindByIdAsync(file.FileId!.Value, cancellationToken)
                ?? throw new InvalidOperationException($"Delivery {delivery.RecordName} lists file id {file.FileId} that the catalog lacks."));
        }
        string? manifestKey = null;
        if (archived.Count > 0)
        {
            var manifestId = delivery.RecordName.EndsWith(RecordSuffix, StringComparison.Ordinal)
                ? delivery.RecordName[..^RecordSuffix.Length]
                : delivery.RecordName;
            manifestKey = await _manifests.WriteAsync(manifestId, delivery.CreatedAt, ManifestWriter.DeliverySource, delivery.RecordName, archived,
                cancellationToken);
        }
        await _catalog.Deliveries.CompleteAsync(delivery.Id, manifestKey, _clock.GetUtcNow(), cancellationToken);
        return manifestKey;
    }

    /// <summary>Quarantines an inbox file that waited longer than the orphan timeout for a record or sidecar.</summary>
    public Task<FileReport> QuarantineOrphanAsync(string key, TimeSpan waited, CancellationToken cancellationToken)
    {
        var fileName = StorageLayout.FileNameOf(key);
        var failure = new CheckFailure(IntegrityCheck.Orphan, IngestCodes.Orphan,
            $"a delivery record listing it or a {fileName}.md5 sidecar within {_options.OrphanTimeout}",
            $"neither after {waited:d\\.hh\\:mm\\:ss}", $"{fileName}: no delivery record or sidecar arrived within {_options.OrphanTimeout}");
        return QuarantineAsync(key, failure, null, null, cancellationToken);
    }

    private async Task<IReadOnlyList<FileReport>> HandleRecordAsync(string key, string fileName, CancellationToken cancellationToken)
    {
        var info = await _store.HeadAsync(Buckets.Inbox, key, cancellationToken);
        if (info is null)
        {
            return [Gone(key)];
        }
        if (info.Size > DeliveryRecord.MaxBytes)
        {
            return [await QuarantineAsync(key, new CheckFailure(IntegrityCheck.Record, IngestCodes.BadRecord, $"at most {DeliveryRecord.MaxBytes} bytes",
                $"{info.Size} bytes", $"{fileName}: a delivery record of {info.Size} bytes is too large"), null, null, cancellationToken)];
        }

        var bytes = await _store.ReadAllBytesAsync(Buckets.Inbox, key, cancellationToken);

        var (record, failure) = ParseRecord(bytes, fileName);
        if (failure is not null)
        {
            return [await QuarantineAsync(key, failure, null, null, cancellationToken)];
        }

        var recordName = _mission.ParseFileName(fileName);
        var location = StorageLayout.For(recordName, fileName);
        var opening = new DeliveryOpening(fileName, location.Key, new DateTimeOffset(DateTime.SpecifyKind(record!.Created, DateTimeKind.Utc)),
            record.Files.Select(f => new DeliveryListedFile(f.Name, f.Size, f.Md5)).ToList());
        var delivery = await _catalog.Deliveries.OpenAsync(opening, _clock.GetUtcNow(), cancellationToken);
        if (!SameListing(delivery, opening))
        {
            return [await QuarantineAsync(key, new CheckFailure(IntegrityCheck.Conflict, IngestCodes.Conflict,
                $"the listing already received under {fileName}", "a different listing",
                $"{fileName}: a delivery record of this name was already received with other files, sizes or checksums; send a new record with a new sequence number"),
                null, null, cancellationToken)];
        }
        await _store.MoveAsync(Buckets.Inbox, key, location.Bucket, location.Key, cancellationToken);
        var reports = new List<FileReport>
        {
            Report(key, IngestOutcome.Recorded, IngestCodes.Archived, $"{fileName}: delivery record of {record.Files.Count} files", location.Key),
        };

        // The record arrives last, so most of its files are waiting in the inbox beside it.
        var folder = StorageLayout.FolderOf(key);
        var waiting = delivery.Files.Where(f => f.Outcome is null).Select(f => f.Name).ToList();
        var fileReports = new FileReport?[waiting.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, waiting.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var fileKey = folder + waiting[i];
                if (await _store.HeadAsync(Buckets.Inbox, fileKey, token) is null)
                {
                    return;
                }
                var name = _mission.ParseFileName(waiting[i]);
                fileReports[i] = await HandleDataFileAsync(fileKey, waiting[i], name, token);
            });
        reports.AddRange(fileReports.OfType<FileReport>());

        var manifestKey = await TryCompleteDeliveryAsync(delivery.Id, cancellationToken);
        if (manifestKey is not null && reports.All(r => r.ManifestKey is null))
        {
            reports[0] = reports[0] with { ManifestKey = manifestKey };
        }
        return reports;
    }

    private (DeliveryRecord? Record, CheckFailure? Failure) ParseRecord(byte[] bytes, string fileName)
    {
        DeliveryRecord record;
        try
        {
            record = DeliveryRecord.Parse(bytes);
        }
        catch (DeliveryRecordException e)
        {
            return (null, new CheckFailure(IntegrityCheck.Record, IngestCodes.BadRecord, e.Expected, $"{e.Field}: {e.Actual}".TrimStart(':', ' '),
                $"{fileName}: {e.Message}"));
        }
        if (record.Record != fileName)
        {
            return (null, new CheckFailure(IntegrityCheck.Record, IngestCodes.BadRecord, $"record: '{fileName}' (its own name)",
                $"record: '{record.Record}'", $"{fileName}: the record names itself '{record.Record}'"));
        }
        for (var i = 0; i < record.Files.Count; i++)
        {
            if (!_mission.TryParseFileName(record.Files[i].Name, out var listed, out var error)
                || listed!.Kind == FileNameKind.Delivery || listed.IsChecksumSidecar)
            {
                return (null, new CheckFailure(IntegrityCheck.Record, IngestCodes.BadRecord, "a mission file name",
                    $"files[{i}].name: '{record.Files[i].Name}'",
                    $"{fileName}: files[{i}].name: {error?.Message ?? "a delivery record or sidecar cannot be delivered as a file"}"));
            }
        }
        return (record, null);
    }

    private static bool SameListing(Delivery delivery, DeliveryOpening opening) =>
        delivery.Files.Count == opening.Files.Count
        && opening.Files.OrderBy(f => f.Name, StringComparer.Ordinal)
            .Zip(delivery.Files.OrderBy(f => f.Name, StringComparer.Ordinal))
            .All(p => p.First.Name == p.Second.Name && p.First.SizeBytes == p.Second.SizeBytes
                && string.Equals(p.First.Md5, p.Second.Md5, StringComparison.OrdinalIgnoreCase));

    private async Task<IReadOnlyList<FileReport>> HandleSidecarAsync(string key, CancellationToken cancellationToken)
    {
        var targetKey = key[..^NamingRules.ChecksumSidecarSuffix.Length];
        var targetName = StorageLayout.FileNameOf(targetKey);
        if (await _store.HeadAsync(Buckets.Inbox, targetKey, cancellationToken) is not null)
        {
            return [await HandleDataFileAsync(targetKey, targetName, _mission.ParseFileName(targetName), cancellationToken)];
        }
        if (await _store.HeadAsync(Buckets.Inbox, key, cancellationToken) is null)
        {
            return [Gone(key)];
        }
        // Its file was handled before the sidecar arrived (a record covered it): a sidecar that
        // agrees with the archive has nothing left to wait for; one that disagrees may be for a
        // new copy still on its way, which must then be checked (and found in conflict).
        var target = _mission.ParseFileName(targetName);
        if (!target.IsChecksumSidecar && target.Kind != FileNameKind.Delivery
            && await _catalog.Files.FindByKeyAsync(FileIdentity.Of(_mission, target, targetName).Location.Key, cancellationToken) is { } archived)
        {
            var (md5, _, _) = await ReadSidecarAsync(key, targetName, cancellationToken);
            if (md5 == archived.Md5)
            {
                await _store.DeleteAsync(Buckets.Inbox, key, cancellationToken);
                return [Report(key, IngestOutcome.Duplicate, IngestCodes.Duplicate, $"{StorageLayout.FileNameOf(key)}: its file is already archived with this MD5")];
            }
        }
        return [Report(key, IngestOutcome.Waiting, IngestCodes.Waiting, $"{StorageLayout.FileNameOf(key)}: waiting for {targetName}")];
    }

    private async Task<FileReport> HandleDataFileAsync(string key, string fileName, MissionFileName name, CancellationToken cancellationToken)
    {
        if (await _store.HeadAsync(Buckets.Inbox, key, cancellationToken) is null)
        {
            return Gone(key);
        }
        var identity = FileIdentity.Of(_mission, name, fileName);
        var listed = await _catalog.Deliveries.FindExpectedAsync(fileName, cancellationToken);
        var fromRecord = listed is { Outcome: null } ? listed : null;
        Expectation? expectation = fromRecord is null ? null : new Expectation(fromRecord.SizeBytes, fromRecord.Md5, $"delivery record {fromRecord.RecordName}");
        var sidecarKey = key + NamingRules.ChecksumSidecarSuffix;
        if (expectation is null)
        {
            var (md5, sidecarFailure, present) = await ReadSidecarAsync(sidecarKey, fileName, cancellationToken);
            if (sidecarFailure is not null)
            {
                await QuarantineAsync(sidecarKey, sidecarFailure, null, null, cancellationToken);
                return Report(key, IngestOutcome.Waiting, IngestCodes.Waiting,
                    $"{fileName}: its sidecar was quarantined ({sidecarFailure.Message}); waiting for a delivery record or a new sidecar");
            }
            if (present)
            {
                expectation = new Expectation(null, md5!, $"sidecar {fileName}{NamingRules.ChecksumSidecarSuffix}");
            }
            else if (listed is not null)
            {
                // Sent again after its delivery was settled: checked against the same record, manifested on its own.
                expectation = new Expectation(listed.SizeBytes, listed.Md5, $"delivery record {listed.RecordName}");
            }
            else
            {
                return Report(key, IngestOutcome.Waiting, IngestCodes.Waiting, $"{fileName}: waiting for its delivery record or a .md5 sidecar");
            }
        }

        Inspection inspection;
        await using (var content = await _store.OpenReadAsync(Buckets.Inbox, key, cancellationToken))
        {
            inspection = await FileInspector.InspectAsync(content, fileName, identity.Format, name.KernelType, name.Extension ?? "", expectation,
                cancellationToken);
        }
        if (inspection.Failure is { } failure)
        {
            var report = await QuarantineAsync(key, failure, inspection, fromRecord?.RecordName, cancellationToken);
            await SettleAsync(fromRecord, DeliveryFileOutcome.Quarantined, null, sidecarKey, cancellationToken);
            return await WithCompletionAsync(report, fromRecord, cancellationToken);
        }

        var registration = identity.ToRegistration(inspection.Size, inspection.Md5, inspection.Sha256, inspection.Start, inspection.End);
        var registered = await _catalog.Files.RegisterAsync(registration, cancellationToken);
        if (registered.Outcome == RegistrationOutcome.Conflict)
        {
            var conflict = new CheckFailure(IntegrityCheck.Conflict, IngestCodes.Conflict, $"sha256 {registered.File.Sha256} (archived {registered.File.IngestedAt:u})",
                $"sha256 {inspection.Sha256}",
                $"{fileName}: the archive already holds this name with other content; the archived copy is kept. Send a new version instead");
            var report = await QuarantineAsync(key, conflict, inspection, fromRecord?.RecordName, cancellationToken);
            await SettleAsync(fromRecord, DeliveryFileOutcome.Conflict, null, sidecarKey, cancellationToken);
            return await WithCompletionAsync(report with { Outcome = IngestOutcome.Conflict }, fromRecord, cancellationToken);
        }

        var movedIn = await ObjectPlacement.PlaceAsync(_store, Buckets.Inbox, key, identity.Location, inspection.Sha256, cancellationToken);
        var isNew = registered.Outcome == RegistrationOutcome.Registered || movedIn;
        var outcome = isNew ? DeliveryFileOutcome.Archived : DeliveryFileOutcome.Duplicate;
        await SettleAsync(fromRecord, outcome, registered.File.Id, sidecarKey, cancellationToken);
        if (isNew && fromRecord is null)
        {
            await _catalog.Deliveries.AddLooseAsync(registered.File.Id, _clock.GetUtcNow(), cancellationToken);
        }

        var remarks = inspection.Remarks.Count == 0 ? "" : " — " + string.Join("; ", inspection.Remarks);
        var archivedReport = isNew
            ? Report(key, IngestOutcome.Archived, inspection.Remarks.Count == 0 ? IngestCodes.Archived : IngestCodes.SequenceGap,
                $"{fileName}: archived ({inspection.Size} bytes, sha256 {inspection.Sha256[..12]}…){remarks}", identity.Location.Key)
            : Report(key, IngestOutcome.Duplicate, IngestCodes.Duplicate, $"{fileName}: already archived with the same content", identity.Location.Key);
        return await WithCompletionAsync(archivedReport, fromRecord, cancellationToken);
    }

    private async Task SettleAsync(ExpectedFile? fromRecord, DeliveryFileOutcome outcome, long? fileId, string sidecarKey, CancellationToken cancellationToken)
    {
        if (fromRecord is not null)
        {
            await _catalog.Deliveries.SetOutcomeAsync(fromRecord.DeliveryId, fromRecord.Name, outcome, fileId, cancellationToken);
        }
        if (outcome != DeliveryFileOutcome.Quarantined)
        {
            await _store.DeleteAsync(Buckets.Inbox, sidecarKey, cancellationToken);
        }
    }

    private async Task<FileReport> WithCompletionAsync(FileReport report, ExpectedFile? fromRecord, CancellationToken cancellationToken)
    {
        // Counting first keeps a delivery of n files at n small queries, not n loads of n files.
        if (fromRecord is null || await _catalog.Deliveries.CountUnsettledAsync(fromRecord.DeliveryId, cancellationToken) > 0)
        {
            return report;
        }
        var manifestKey = await TryCompleteDeliveryAsync(fromRecord.DeliveryId, cancellationToken);
        return manifestKey is null ? report : report with { ManifestKey = manifestKey };
    }

    private async Task<(string? Md5, CheckFailure? Failure, bool Present)> ReadSidecarAsync(string sidecarKey, string fileName, CancellationToken cancellationToken)
    {
        var info = await _store.HeadAsync(Buckets.Inbox, sidecarKey, cancellationToken);
        if (info is null)
        {
            return (null, null, false);
        }
        var sidecarName = StorageLayout.FileNameOf(sidecarKey);
        if (info.Size > SidecarReader.MaxBytes)
        {
            return (null, new CheckFailure(IntegrityCheck.Sidecar, IngestCodes.BadSidecar, $"at most {SidecarReader.MaxBytes} bytes", $"{info.Size} bytes",
                $"{sidecarName}: too large for a checksum file"), true);
        }
        try
        {
            var (md5, failure) = SidecarReader.Parse(await _store.ReadAllBytesAsync(Buckets.Inbox, sidecarKey, cancellationToken), sidecarName, fileName);
            return (md5, failure, true);
        }
        catch (ObjectNotFoundException)
        {
            return (null, null, false);
        }
    }

    private async Task<FileReport> RefuseNameAsync(string key, string fileName, FileNameException error, CancellationToken cancellationToken)
    {
        var info = await _store.HeadAsync(Buckets.Inbox, key, cancellationToken);
        if (info is null)
        {
            return Gone(key);
        }
        var failure = new CheckFailure(IntegrityCheck.Name, IngestCodes.BadName, $"{error.Part}: {error.Expected}",
            $"{error.Part}: '{error.Value}'", error.Message);
        return await QuarantineAsync(key, failure, null, null, cancellationToken);
    }

    private async Task<FileReport> QuarantineAsync(string key, CheckFailure failure, Inspection? inspection, string? delivery, CancellationToken cancellationToken)
    {
        try
        {
            var quarantineKey = await _quarantine.QuarantineAsync(Buckets.Inbox, key, failure, inspection, delivery, cancellationToken);
            return Report(key, IngestOutcome.Quarantined, failure.Code, failure.Message, quarantineKey);
        }
        catch (ObjectNotFoundException)
        {
            return Gone(key);
        }
    }

    private FileReport Report(string key, IngestOutcome outcome, string code, string message, string? destination = null)
    {
        IngestLog.Handled(_logger, outcome, key, code, message);
        return new FileReport(key, StorageLayout.FileNameOf(key), outcome, code, message, destination);
    }

    private FileReport Gone(string key) =>
        Report(key, IngestOutcome.Gone, IngestCodes.Duplicate, $"{StorageLayout.FileNameOf(key)}: no longer in the inbox (already handled)");

    private FileReport Rejected(string key, string reason)
    {
        var shown = ObjectNames.ForDisplay(key);
        IngestLog.Rejected(_logger, shown, reason);
        return new FileReport(shown, StorageLayout.FileNameOf(shown), IngestOutcome.Rejected, IngestCodes.BadName, reason);
    }
}
