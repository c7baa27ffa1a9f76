using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sdc.Catalog;
using Sdc.Ingest.Layout;
using Sdc.Ingest.Manifests;
using Sdc.Mission;
using Sdc.Storage;

namespace Sdc.Pipeline;

/// <summary>
/// The Plan task: which jobs the next level needs. Stage 0 works from the request: a manifest's
/// new Level 0 files become Level 1 jobs, its new kernels reprocess the Level 0 files they cover,
/// its new calibration reprocesses the Level 1 products valid under it; a reprocessing request
/// takes an instrument's Level 0 files in a time range. Each later stage takes what the previous
/// stage's jobs made (Level 1 → Level 2 and quicklooks, per instrument and orbit).
/// <para>
/// A job's identity is a hash of the processor release, the step and every input's SHA-256
/// (kernels and calibration included): a job that already succeeded is never planned again, so
/// a re-driven execution skips straight past finished work, and a stage whose jobs all succeeded
/// before moves on to the next one within the same call. Product versions: 01-00 for a product
/// never made before; otherwise the highest existing version of the instrument's products at that
/// level and orbit, plus one minor (a new processor major version starts a new major).
/// </para>
/// </summary>
public sealed class Planner(Mission.Mission mission, ICatalog catalog, IObjectStore store, ProcessorVersions processors, IFileLocator locator, TimeProvider clock)
{
    private const int MaxStages = 8;
    private const int SearchPage = FileQuery.MaxLimit;

    /// <summary>Room left for jobs in Plan's output, under Step Functions' 256 KiB payload limit with the execution's own input beside it.</summary>
    private const int MaxPlanBytes = 160 * 1024;

    public async Task<PlanResult> PlanAsync(PlanRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Request.Kind == PipelineRequest.Stored)
        {
            request = request with { Request = await ReadStoredRequestAsync(request.Request, cancellationToken) };
        }
        var kind = request.Request.IsReprocessing ? RunKind.Reprocessing : RunKind.Delivery;
        var run = await catalog.Jobs.StartRunAsync(request.Execution, request.Request.Manifest, kind, clock.GetUtcNow(), cancellationToken,
            JsonSerializer.Serialize(request.Request, PipelineJsonContext.Default.PipelineRequest));
        // Products carry this as their creation time: the manifest's, so a run driven again after a
        // crash, or the same delivery processed elsewhere, makes byte-identical products.
        var manifest = request.Request.Manifest is { } manifestKey ? await ReadManifestAsync(manifestKey, cancellationToken) : null;
        var creation = manifest?.Created ?? run.StartedAt;
        for (var stage = request.Stage; stage < MaxStages; stage++)
        {
            var drafts = stage == 0 ? await StageZeroAsync(request.Request, manifest, cancellationToken) : await LaterStageAsync(run, stage, cancellationToken);
            if (drafts.Count == 0)
            {
                return new PlanResult(run.Id, stage, stage + 1, 0, []);
            }
            var jobs = await ScheduleAsync(run, stage, drafts, creation, cancellationToken);
            if (jobs.Count > 0)
            {
                // Step Functions passes at most 256 KiB between states: a big stage goes out in
                // batches, and Plan is asked for the same stage again until none is left.
                var batch = new List<PlannedJob>();
                var bytes = 0;
                foreach (var job in jobs)
                {
                    bytes += job.Spec.Length + 512;
                    if (batch.Count > 0 && bytes > MaxPlanBytes)
                    {
                        break;
                    }
                    batch.Add(job);
                }
                return new PlanResult(run.Id, stage, batch.Count < jobs.Count ? stage : stage + 1, batch.Count, batch);
            }
        }
        return new PlanResult(run.Id, MaxStages, MaxStages + 1, 0, []);
    }

    private async Task<List<JobDraft>> StageZeroAsync(PipelineRequest request, ProcessingManifest? manifest, CancellationToken cancellationToken)
    {
        if (request.IsReprocessing)
        {
            var instrument = request.Instrument ?? throw new ArgumentException("A reprocessing request needs an instrument.", nameof(request));
            var level0 = await SearchAsync(new FileQuery { Instrument = instrument, Kind = FileKind.Science, Level = "l0", From = request.From, To = request.To },
                cancellationToken);
            return [.. level0.Select(f => Draft(f, "l0", Queues.Reprocessing)).OfType<JobDraft>()];
        }

        if (manifest is null)
        {
            throw new ArgumentException("A delivery request needs its manifest key.", nameof(request));
        }
        var files = new List<CatalogFile>();
        foreach (var entry in manifest.Files)
        {
            if (await catalog.Files.FindByIdAsync(entry.Id, cancellationToken) is { } file)
            {
                files.Add(file);
            }
        }
        var drafts = files.Where(f => f.Kind == FileKind.Science).Select(f => Draft(f, "l0", Queues.Production)).OfType<JobDraft>().ToList();
        var fresh = files.Select(f => f.Id).ToHashSet();

        // A new kernel: reprocess the Level 0 files whose time it covers, for steps that need its type.
        foreach (var kernel in files.Where(f => f.Kind == FileKind.Kernel && f.StartTime is not null))
        {
            foreach (var processor in mission.Processors)
            {
                if (processor.Steps.FirstOrDefault(s => s.From == "l0" && s.Kernels.Contains(kernel.Descriptor!)) is null)
                {
                    continue;
                }
                var covered = await SearchAsync(new FileQuery
                {
                    Instrument = processor.Instrument, Kind = FileKind.Science, Level = "l0", From = kernel.StartTime, To = kernel.EndTime,
                }, cancellationToken);
                drafts.AddRange(covered.Where(f => !fresh.Contains(f.Id)).Select(f => Draft(f, "l0", Queues.Reprocessing)).OfType<JobDraft>());
            }
        }

        // New calibration: reprocess the Level 1 products of its instrument from its valid date on.
        foreach (var calibration in files.Where(f => f.Kind == FileKind.Calibration && f.Instrument is not null && f.StartTime is not null))
        {
            var step = mission.FindProcessor(calibration.Instrument!)?.Steps.FirstOrDefault(s => s.Calibration.Contains(calibration.Descriptor!));
            if (step is null)
            {
                continue;
            }
            var products = await SearchAsync(new FileQuery { Instrument = calibration.Instrument, Level = step.From, Kind = FileKind.Product, From = calibration.StartTime },
                cancellationToken);
            drafts.AddRange(products.GroupBy(p => p.Orbit).Select(g => new JobDraft(calibration.Instrument!, step, [.. g], Queues.Reprocessing)));
        }
        return drafts;
    }

    private async Task<List<JobDraft>> LaterStageAsync(Run run, int stage, CancellationToken cancellationToken)
    {
        var made = await catalog.Jobs.ListProductsAsync(run.Id, stage - 1, cancellationToken);
        var queues = (await catalog.Jobs.ListJobsAsync(run.Id, cancellationToken)).ToDictionary(j => j.Id, j => j.Queue);
        var drafts = new List<JobDraft>();
        foreach (var group in made.Where(p => p.Kind == FileKind.Product).GroupBy(p => (p.Instrument, p.Level, p.Orbit)))
        {
            var step = mission.FindProcessor(group.Key.Instrument!)?.Steps.FirstOrDefault(s => s.From == group.Key.Level);
            if (step is null)
            {
                continue;
            }
            // Every latest product of that orbit, not only this run's: a Level 2 product is made from the whole orbit.
            var inputs = await SearchAsync(new FileQuery { Instrument = group.Key.Instrument, Level = group.Key.Level, Orbit = group.Key.Orbit, Kind = FileKind.Product },
                cancellationToken);
            // Reprocessing stays on its queue all the way down: what reprocessed jobs made is reprocessed further.
            var queue = group.Any(p => p.JobId is { } job && queues.GetValueOrDefault(job) == Queues.Reprocessing) ? Queues.Reprocessing : Queues.Production;
            drafts.Add(new JobDraft(group.Key.Instrument!, step, inputs, queue));
        }
        return drafts;
    }

    private JobDraft? Draft(CatalogFile input, string level, string queue)
    {
        var step = input.Instrument is null ? null : mission.FindProcessor(input.Instrument)?.Steps.FirstOrDefault(s => s.From == level);
        return step is null ? null : new JobDraft(input.Instrument!, step, [input], queue);
    }

    private async Task<List<PlannedJob>> ScheduleAsync(Run run, int stage, List<JobDraft> drafts, DateTimeOffset creation, CancellationToken cancellationToken)
    {
        var planned = new List<PlannedJob>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            var processor = mission.FindProcessor(draft.Instrument)!;
            var release = processors.For(draft.Instrument);
            var (start, end) = (draft.Inputs.Min(f => f.StartTime) ?? DateTimeOffset.MinValue, draft.Inputs.Max(f => f.EndTime) ?? DateTimeOffset.MaxValue);
            var inputs = new List<CatalogFile>(draft.Inputs);
            foreach (var source in draft.Step.With)
            {
                inputs.AddRange(await SearchAsync(new FileQuery { Instrument = source, Level = draft.Step.From, From = start, To = end }, cancellationToken));
            }
            var kernels = new List<CatalogFile>();
            foreach (var type in draft.Step.Kernels)
            {
                var candidates = await SearchAsync(new FileQuery { Kind = FileKind.Kernel, Descriptor = type, From = start, To = end }, cancellationToken);
                if (candidates.OrderByDescending(k => (k.VersionMajor, k.VersionMinor)).ThenByDescending(k => k.StartTime).FirstOrDefault() is { } best)
                {
                    kernels.Add(best);
                }
            }
            var calibration = new List<CatalogFile>();
            foreach (var descriptor in draft.Step.Calibration)
            {
                var candidates = await SearchAsync(new FileQuery { Kind = FileKind.Calibration, Instrument = draft.Instrument, Descriptor = descriptor, To = start.AddTicks(10) },
                    cancellationToken);
                if (candidates.OrderByDescending(c => c.StartTime).ThenByDescending(c => (c.VersionMajor, c.VersionMinor)).FirstOrDefault() is { } best)
                {
                    calibration.Add(best);
                }
            }

            var identity = Identity(release, draft.Step, inputs, kernels, calibration);
            if (!seen.Add(identity))
            {
                continue;
            }
            var level = draft.Step.Produces[0];
            var outputPrefix = $"{StorageLayout.JobOutputPrefix}{identity[..24]}/";
            var existing = await catalog.Jobs.FindJobByIdentityAsync(identity, cancellationToken);
            if (existing is { Succeeded: true })
            {
                continue;
            }
            var version = existing?.Spec is { } previous ? VersionOf(previous) : await NextVersionAsync(draft, release, cancellationToken);
            // The digest when versions.json pins one: the catalog's lineage then names the exact image.
            var processorVersionId = await catalog.Jobs.EnsureProcessorVersionAsync(draft.Instrument, release.Version, release.Digest ?? release.Image, ProcessorStage.Production,
                clock.GetUtcNow(), cancellationToken);
            var spec = Spec(identity, draft, release, inputs, kernels, calibration, outputPrefix, version, creation);
            var job = await catalog.Jobs.CreateJobAsync(new JobCreation(run.Id, identity, draft.Instrument, level, processorVersionId, draft.Queue)
            {
                Stage = stage,
                Definition = draft.Instrument,
                OutputPrefix = outputPrefix,
                Spec = spec,
            }, clock.GetUtcNow(), cancellationToken);
            // Done (or given up) in this run: a failed job is retried by a later run, not by planning the stage again.
            if (job.Succeeded || (job.RunId == run.Id && job.FinishedAt is not null))
            {
                continue;
            }
            // The catalog id ends the name, so the local runner can find the job (AWS Batch names allow 128 characters).
            planned.Add(new PlannedJob(job.Id, $"{draft.Instrument}-{draft.Step.From}-j{job.Id}", draft.Queue, draft.Instrument, processor.TimeoutSeconds,
                outputPrefix, spec, draft.Instrument, level));
        }
        return planned;
    }

    private async Task<string> NextVersionAsync(JobDraft draft, ProcessorRelease release, CancellationToken cancellationToken)
    {
        var orbit = draft.Inputs.Select(f => f.Orbit).FirstOrDefault(o => o is not null);
        var highest = (Major: 0, Minor: -1);
        foreach (var level in draft.Step.Produces)
        {
            var existing = await SearchAsync(new FileQuery { Instrument = draft.Instrument, Level = level, Orbit = orbit, Versions = VersionSelection.All }, cancellationToken);
            foreach (var product in existing)
            {
                if ((product.VersionMajor, product.VersionMinor).CompareTo(highest) > 0)
                {
                    highest = (product.VersionMajor, product.VersionMinor);
                }
            }
        }
        var major = Math.Max(1, int.TryParse(release.Version.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 1);
        var version = highest.Minor < 0 ? (major, 0) : major > highest.Major ? (major, 0) : (highest.Major, highest.Minor + 1);
        return string.Create(CultureInfo.InvariantCulture, $"{version.Item1:00}-{version.Item2:00}");
    }

    private static string VersionOf(string spec) => JsonNode.Parse(spec)?["productVersion"]?.GetValue<string>() ?? "01-00";

    private static string Identity(ProcessorRelease release, ProcessingStep step, List<CatalogFile> inputs, List<CatalogFile> kernels, List<CatalogFile> calibration)
    {
        var text = new StringBuilder()
            .Append(release.Name).Append('|').Append(release.Version).Append('|').Append(step.From).Append('>').AppendJoin(',', step.Produces)
            .Append("|in:").AppendJoin(',', inputs.Select(f => f.Sha256).Order(StringComparer.Ordinal))
            .Append("|k:").AppendJoin(',', kernels.Select(f => f.Sha256).Order(StringComparer.Ordinal))
            .Append("|c:").AppendJoin(',', calibration.Select(f => f.Sha256).Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private string Spec(string identity, JobDraft draft, ProcessorRelease release, List<CatalogFile> inputs, List<CatalogFile> kernels, List<CatalogFile> calibration,
        string outputPrefix, string version, DateTimeOffset creation)
    {
        JsonArray Files(IEnumerable<CatalogFile> files, Func<CatalogFile, string?> type) => new(files.Select(f => (JsonNode)new JsonObject
        {
            ["location"] = locator.Locate(f.Bucket, f.Key),
            ["name"] = StorageLayout.FileNameOf(f.Key),
            ["size"] = f.SizeBytes,
            ["md5"] = f.Md5,
            ["sha256"] = f.Sha256,
            ["type"] = type(f),
        }).ToArray());
        var job = new JsonObject
        {
            ["jobId"] = identity[..24],
            ["instrument"] = draft.Instrument,
            ["from"] = draft.Step.From,
            ["produces"] = new JsonArray(draft.Step.Produces.Select(p => (JsonNode)p).ToArray()),
            ["processor"] = new JsonObject { ["name"] = release.Name, ["version"] = release.Version, ["image"] = release.ImageReference },
            ["inputs"] = Files(inputs, _ => null),
            ["kernels"] = Files(kernels, k => k.Descriptor),
            ["calibration"] = Files(calibration, c => c.Descriptor),
            ["outputPrefix"] = locator.Locate(Buckets.Products, outputPrefix),
            ["productVersion"] = version,
            ["creationTime"] = creation.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["parameters"] = new JsonObject(),
        };
        return job.ToJsonString();
    }

    /// <summary>A request written to <c>archive:requests/</c> (by the API): only reprocessing may be asked for that way.</summary>
    private async Task<PipelineRequest> ReadStoredRequestAsync(PipelineRequest request, CancellationToken cancellationToken)
    {
        var key = request.Manifest ?? throw new ArgumentException("A stored request needs the key of its request object.", nameof(request));
        var stored = JsonSerializer.Deserialize(await store.ReadAllBytesAsync(Buckets.Archive, key, cancellationToken), PipelineJsonContext.Default.PipelineRequest)
            ?? throw new ArgumentException($"archive:{key} holds no request.", nameof(request));
        if (!stored.IsReprocessing || stored.Instrument is null || stored.From is null || stored.To is null)
        {
            throw new ArgumentException($"archive:{key}: a stored request must be a reprocessing request with instrument, from and to.", nameof(request));
        }
        return stored with { Manifest = null };
    }

    private async Task<ProcessingManifest> ReadManifestAsync(string key, CancellationToken cancellationToken)
    {
        return ManifestWriter.Read(await store.ReadAllBytesAsync(Buckets.Archive, key, cancellationToken));
    }

    /// <summary>Every page of a search.</summary>
    private async Task<List<CatalogFile>> SearchAsync(FileQuery query, CancellationToken cancellationToken)
    {
        var all = new List<CatalogFile>();
        string? cursor = null;
        do
        {
            var page = await catalog.Files.SearchAsync(query with { Limit = SearchPage, Cursor = cursor }, cancellationToken);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return all;
    }
}
