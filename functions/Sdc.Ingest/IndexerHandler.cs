using System.Globalization;
using Microsoft.Extensions.Logging;
using Sdc.Catalog;
using Sdc.Formats.Fits;
using Sdc.Ingest.Indexing;
using Sdc.Ingest.Integrity;
using Sdc.Ingest.Layout;
using Sdc.Ingest.Quarantine;
using Sdc.Mission;
using Sdc.Storage;

namespace Sdc.Ingest;

/// <summary>
/// The indexer function's domain handler. For a finished job it reads <c>outputs.json</c>,
/// checks each product against it (present, same size and checksums, FITS header agreeing on
/// instrument, level, version and time range), registers it under its canonical key with its
/// lineage, and moves it there; a product that disagrees is refused with a job message, the
/// others are still indexed. Registering a new version makes it the latest; older versions stay.
/// It also indexes Level 3 products that instrument teams upload under <c>products:uploads/</c>.
/// </summary>
public sealed class IndexerHandler
{
    private const string OutputsFileName = "outputs.json";
    private const long MaxOutputsBytes = 64L * 1024 * 1024;

    private readonly Mission.Mission _mission;
    private readonly IObjectStore _store;
    private readonly ICatalog _catalog;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly QuarantineWriter _quarantine;

    public IndexerHandler(Mission.Mission mission, IObjectStore store, ICatalog catalog, TimeProvider clock, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        _mission = mission;
        _store = store;
        _catalog = catalog;
        _clock = clock;
        _logger = loggers.CreateLogger<IndexerHandler>();
        _quarantine = new QuarantineWriter(store, clock, loggers.CreateLogger<QuarantineWriter>());
    }

    /// <summary>Indexes a finished job's products; throws <see cref="JobOutputsException"/> when outputs.json is missing or malformed.</summary>
    public async Task<IndexReport> IndexJobAsync(IndexRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prefix = request.OutputPrefix.Length == 0 || request.OutputPrefix.EndsWith('/') ? request.OutputPrefix : request.OutputPrefix + "/";
        JobOutputs outputs;
        try
        {
            outputs = await ReadOutputsAsync(prefix + OutputsFileName, cancellationToken);
        }
        catch (JobOutputsException e) when (request.JobId is { } failedJob)
        {
            await _catalog.Jobs.AddMessagesAsync(failedJob, [new JobMessage(IngestCodes.BadOutputs, MessageSeverity.Error, e.Message, _clock.GetUtcNow())],
                cancellationToken);
            throw;
        }
        var indexed = new List<IndexedProduct>();
        var refused = new List<RefusedProduct>();
        var remarks = new List<string>();
        foreach (var product in outputs.Products)
        {
            var (done, refusal) = await IndexProductAsync(prefix, product, request.JobId, remarks, cancellationToken);
            if (done is not null)
            {
                indexed.Add(done);
            }
            if (refusal is not null)
            {
                refused.Add(refusal);
                IngestLog.IndexRefused(_logger, refusal.Name, refusal.Code, refusal.Message);
            }
        }
        if (request.JobId is { } jobId)
        {
            var now = _clock.GetUtcNow();
            var messages = refused.Select(r => new JobMessage(r.Code, MessageSeverity.Error, r.Message, now))
                .Concat(remarks.Select(r => new JobMessage(IngestCodes.UnknownInput, MessageSeverity.Warning, r, now)))
                .ToList();
            await _catalog.Jobs.AddMessagesAsync(jobId, messages, cancellationToken);
        }
        return new IndexReport(request.JobId, indexed, refused, remarks);
    }

    /// <summary>
    /// Indexes a product an instrument team uploaded to <c>products:uploads/…</c>: a FITS file of a
    /// level no processor makes (Level 3), whose header agrees with its name. A refused upload is
    /// quarantined with its reason.
    /// </summary>
    public async Task<(IndexedProduct? Indexed, FileReport Report)> IndexUploadAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.StartsWith(StorageLayout.UploadPrefix, StringComparison.Ordinal) || !ObjectNames.IsValidKey(key))
        {
            return (null, new FileReport(ObjectNames.ForDisplay(key), StorageLayout.FileNameOf(key), IngestOutcome.Rejected, IngestCodes.BadUpload,
                $"uploads are indexed from products:{StorageLayout.UploadPrefix} only, with a valid key"));
        }
        var fileName = StorageLayout.FileNameOf(key);
        if (await _store.HeadAsync(Buckets.Products, key, cancellationToken) is null)
        {
            return (null, new FileReport(key, fileName, IngestOutcome.Gone, IngestCodes.Duplicate, $"{fileName}: no longer in uploads (already handled)"));
        }
        if (!_mission.TryParseFileName(fileName, out var name, out var nameError) || name!.Kind != FileNameKind.Product || name.IsChecksumSidecar)
        {
            return (null, await RefuseUploadAsync(key, "a product file name", nameError?.Message ?? $"{fileName}: not a product name", null, cancellationToken));
        }
        if (_mission.Processors.Any(p => p.Steps.Any(s => s.Produces.Contains(name.Level!))) || name.Level == "l0")
        {
            return (null, await RefuseUploadAsync(key, "a level no SDC processor makes (e.g. l3)",
                $"{fileName}: level {name.Level} is made by the SDC's pipeline; upload only levels it does not make", null, cancellationToken));
        }

        FitsHeader header;
        Inspection inspection;
        try
        {
            (header, inspection) = await ReadFitsAsync(Buckets.Products, key, cancellationToken);
        }
        catch (Exception e) when (e is FitsFormatException or FitsChecksumException)
        {
            return (null, await RefuseUploadAsync(key, "a valid FITS file", $"{fileName}: not a valid FITS file: {e.Message}", null, cancellationToken));
        }
        var version = name.Version!.Value.ToString();
        var (start, end) = ProductHeader.TimeRange(header);
        var claimed = new OutputProduct(fileName, name.Instrument!, name.Level!, name.Descriptor!, start ?? Utc(name.Start!.Value), end ?? start ?? Utc(name.Start!.Value),
            name.Orbit, version, inspection.Size, inspection.Md5, inspection.Sha256, 0, FitsNames(header, "INPUT"), FitsNames(header, "KERNEL"), FitsNames(header, "CALIB"));
        if (ProductHeader.Disagreement(header, claimed) is { } disagreement)
        {
            return (null, await RefuseUploadAsync(key, "a header that agrees with the file name", $"{fileName}: {disagreement}", inspection, cancellationToken));
        }
        var remarks = new List<string>();
        var identity = FileIdentity.Of(_mission, name, fileName);
        var registered = await RegisterAndPlaceAsync(identity, claimed, key, inspection.Sha256, null, remarks, cancellationToken);
        if (registered is null)
        {
            return (null, await RefuseUploadAsync(key, "a new product or a new version", $"{fileName}: another product with this name and version is already indexed",
                inspection, cancellationToken));
        }
        return (registered, new FileReport(key, fileName, IngestOutcome.Archived, IngestCodes.Indexed,
            $"{fileName}: indexed{(remarks.Count == 0 ? "" : " — " + string.Join("; ", remarks))}", identity.Location.Key));
    }

    private async Task<(IndexedProduct? Indexed, RefusedProduct? Refused)> IndexProductAsync(
        string prefix, OutputProduct product, long? jobId, List<string> remarks, CancellationToken cancellationToken)
    {
        if (!_mission.TryParseFileName(product.Name, out var name, out var nameError) || name!.Kind != FileNameKind.Product)
        {
            return (null, new RefusedProduct(product.Name, IngestCodes.HeaderDisagrees, nameError?.Message ?? $"{product.Name}: not a product name"));
        }
        if (name.Instrument != product.Instrument || name.Level != product.Level || name.Descriptor != product.Descriptor
            || name.Version?.ToString() != product.Version || name.Orbit != product.Orbit)
        {
            return (null, new RefusedProduct(product.Name, IngestCodes.HeaderDisagrees,
                $"{product.Name}: the name disagrees with outputs.json (instrument {product.Instrument}, level {product.Level}, descriptor {product.Descriptor}, version {product.Version}, orbit {product.Orbit})"));
        }
        var identity = FileIdentity.Of(_mission, name, product.Name);
        var stagedKey = prefix + product.Name;
        var staged = await _store.HeadAsync(Buckets.Products, stagedKey, cancellationToken);
        if (staged is null)
        {
            // Indexed before (a retried Index task): the product already sits at its canonical key.
            var existing = await _catalog.Files.FindByKeyAsync(identity.Location.Key, cancellationToken);
            return existing is not null && string.Equals(existing.Sha256, product.Sha256, StringComparison.OrdinalIgnoreCase)
                ? (new IndexedProduct(product.Name, existing.Key, existing.Id, false, 0), null)
                : (null, new RefusedProduct(product.Name, IngestCodes.MissingProduct, $"{product.Name}: listed in outputs.json but not written under {prefix}"));
        }

        FitsHeader? header = null;
        Inspection inspection;
        try
        {
            (header, inspection) = identity.Kind == FileKind.Quicklook
                ? (null, await InspectAsync(stagedKey, identity.Format, product.Name, cancellationToken))
                : await ReadFitsAsync(Buckets.Products, stagedKey, cancellationToken);
        }
        catch (Exception e) when (e is FitsFormatException or FitsChecksumException)
        {
            return (null, new RefusedProduct(product.Name, e is FitsChecksumException ? IngestCodes.ChecksumMismatch : IngestCodes.HeaderDisagrees,
                $"{product.Name}: {e.Message}"));
        }
        if (inspection.Failure is { } failure)
        {
            return (null, new RefusedProduct(product.Name, IngestCodes.HeaderDisagrees, failure.Message));
        }
        if (inspection.Size != product.Size || !string.Equals(inspection.Md5, product.Md5, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(inspection.Sha256, product.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            return (null, new RefusedProduct(product.Name, IngestCodes.ChecksumMismatch,
                $"{product.Name}: written {inspection.Size} bytes, md5 {inspection.Md5}, sha256 {inspection.Sha256}; outputs.json says {product.Size} bytes, md5 {product.Md5}, sha256 {product.Sha256}"));
        }
        if (header is not null && ProductHeader.Disagreement(header, product) is { } disagreement)
        {
            return (null, new RefusedProduct(product.Name, IngestCodes.HeaderDisagrees, $"{product.Name}: {disagreement}"));
        }
        var indexed = await RegisterAndPlaceAsync(identity, product, stagedKey, inspection.Sha256, jobId, remarks, cancellationToken);
        return indexed is null
            ? (null, new RefusedProduct(product.Name, IngestCodes.ProductConflict,
                $"{product.Name}: another product with this name and version, but other content, is already indexed; a new product needs a new version"))
            : (indexed, null);
    }

    /// <summary>
    /// Registers the product (claiming its key), records its lineage, then moves it from where it
    /// was written to its canonical key. Null when the key is taken by other content.
    /// </summary>
    private async Task<IndexedProduct?> RegisterAndPlaceAsync(FileIdentity identity, OutputProduct product, string sourceKey, string sha256, long? jobId,
        List<string> remarks, CancellationToken cancellationToken)
    {
        var registration = identity.ToRegistration(product.Size, product.Md5, product.Sha256, Micro(product.Start), Micro(product.End), jobId);
        var result = await _catalog.Files.RegisterAsync(registration, cancellationToken);
        if (result.Outcome == RegistrationOutcome.Conflict)
        {
            return null;
        }
        var inputs = new List<LineageInput>();
        await ResolveAsync(product.Inputs, LineageRole.Input, inputs, remarks, product.Name, cancellationToken);
        await ResolveAsync(product.Kernels, LineageRole.Kernel, inputs, remarks, product.Name, cancellationToken);
        await ResolveAsync(product.Calibration, LineageRole.Calibration, inputs, remarks, product.Name, cancellationToken);
        var links = await _catalog.Lineage.AddInputsAsync(result.File.Id, inputs, cancellationToken);

        await ObjectPlacement.PlaceAsync(_store, Buckets.Products, sourceKey, identity.Location, sha256, cancellationToken);
        IngestLog.Indexed(_logger, identity.Location.Key, result.Outcome);
        return new IndexedProduct(product.Name, identity.Location.Key, result.File.Id, result.Outcome == RegistrationOutcome.Registered, links);
    }

    private async Task ResolveAsync(IReadOnlyList<string> names, LineageRole role, List<LineageInput> inputs, List<string> remarks, string product,
        CancellationToken cancellationToken)
    {
        foreach (var inputName in names)
        {
            CatalogFile? file = null;
            if (_mission.TryParseFileName(inputName, out var parsed, out _) && parsed!.Kind != FileNameKind.Delivery && !parsed.IsChecksumSidecar)
            {
                file = await _catalog.Files.FindByKeyAsync(FileIdentity.Of(_mission, parsed, inputName).Location.Key, cancellationToken);
            }
            if (file is null)
            {
                remarks.Add($"{product}: its {role.ToString().ToLowerInvariant()} {inputName} is not in the catalog; lineage lacks it");
                continue;
            }
            if (inputs.All(i => i.FileId != file.Id))
            {
                inputs.Add(new LineageInput(file.Id, role));
            }
        }
    }

    private async Task<JobOutputs> ReadOutputsAsync(string key, CancellationToken cancellationToken)
    {
        var info = await _store.HeadAsync(Buckets.Products, key, cancellationToken)
            ?? throw new JobOutputsException($"outputs.json: not found at products:{key}; the job wrote no outputs (did it fail before finishing?)");
        if (info.Size > MaxOutputsBytes)
        {
            throw new JobOutputsException("", $"{info.Size} bytes", $"at most {MaxOutputsBytes} bytes");
        }
        return JobOutputs.Parse(await _store.ReadAllBytesAsync(Buckets.Products, key, cancellationToken));
    }

    private async Task<(FitsHeader Header, Inspection Inspection)> ReadFitsAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        await using var content = await _store.OpenReadAsync(bucket, key, cancellationToken);
        await using var hashing = new HashingReadStream(content);
        var fits = await FitsFile.ReadAsync(hashing, FitsReadOptions.Default, cancellationToken);
        await hashing.DrainAsync(cancellationToken);
        var (md5, sha256) = hashing.Finish();
        return (fits.Primary.Header, new Inspection(hashing.BytesRead, md5, sha256, null, null, null, []));
    }

    private async Task<Inspection> InspectAsync(string key, ContentFormat format, string fileName, CancellationToken cancellationToken)
    {
        await using var content = await _store.OpenReadAsync(Buckets.Products, key, cancellationToken);
        return await FileInspector.InspectAsync(content, fileName, format, null, "", null, cancellationToken);
    }

    private async Task<FileReport> RefuseUploadAsync(string key, string expected, string message, Inspection? inspection, CancellationToken cancellationToken)
    {
        var failure = new CheckFailure(IntegrityCheck.Upload, IngestCodes.BadUpload, expected, message, message);
        var quarantineKey = await _quarantine.QuarantineAsync(Buckets.Products, key, failure, inspection, null, cancellationToken);
        return new FileReport(key, StorageLayout.FileNameOf(key), IngestOutcome.Quarantined, IngestCodes.BadUpload, message, quarantineKey);
    }

    /// <summary>The file names a FITS header's provenance lists under INPUTn / KERNELn / CALIBn (see Sdc.Products.FitsProvenance).</summary>
    private static List<string> FitsNames(FitsHeader header, string prefix)
    {
        var names = new List<string>();
        for (var i = 1; ; i++)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            var keyword = (prefix + index)[..Math.Min(8, prefix.Length + index.Length)];
            if (!header.TryGetString(keyword, out var name))
            {
                return names;
            }
            names.Add(name);
        }
    }

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    private static DateTimeOffset Micro(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
}
