using System.Collections.Concurrent;
using System.Globalization;
using Sdc.Api.Json;
using Sdc.Catalog;

namespace Sdc.Api.Endpoints;

/// <summary>
/// Catalog rows as the API shows them. Release ids become release numbers through a small cache
/// (a search page would otherwise look its releases up row by row; releases are few and never change).
/// </summary>
internal sealed class ProductViews(ICatalog catalog)
{
    private readonly ConcurrentDictionary<long, int> _releaseNumbers = new();

    public static string NameOf(CatalogFile file) => file.Key[(file.Key.LastIndexOf('/') + 1)..];

    public static string VersionOf(CatalogFile file) =>
        string.Create(CultureInfo.InvariantCulture, $"{file.VersionMajor:D2}-{file.VersionMinor:D2}");

    public static string KindOf(FileKind kind) => kind.ToString().ToLowerInvariant();

    public async Task<ProductDto> ProductAsync(CatalogFile file, CancellationToken cancellationToken) => new(
        file.Id,
        NameOf(file),
        file.Key,
        KindOf(file.Kind),
        file.Instrument,
        file.Level,
        file.Descriptor,
        Http.ApiTime.Format(file.StartTime),
        Http.ApiTime.Format(file.EndTime),
        file.Orbit,
        VersionOf(file),
        file.IsLatest,
        file.SizeBytes,
        file.Md5,
        file.Sha256,
        Http.ApiTime.Format(file.IngestedAt),
        await ReleaseNumberAsync(file.ReleaseId, cancellationToken));

    public async Task<IReadOnlyList<ProductDto>> ProductsAsync(IEnumerable<CatalogFile> files, CancellationToken cancellationToken)
    {
        var list = new List<ProductDto>();
        foreach (var file in files)
        {
            list.Add(await ProductAsync(file, cancellationToken));
        }
        return list;
    }

    public async Task<int?> ReleaseNumberAsync(long? releaseId, CancellationToken cancellationToken)
    {
        if (releaseId is not { } id)
        {
            return null;
        }
        if (_releaseNumbers.TryGetValue(id, out var number))
        {
            return number;
        }
        if (await catalog.Releases.FindByIdAsync(id, cancellationToken) is { } release)
        {
            _releaseNumbers[id] = release.Number;
            return release.Number;
        }
        return null;
    }

    public static ReleaseDto Release(Release release) => new(
        release.Number,
        release.Name,
        Http.ApiTime.Format(release.Cutoff),
        release.Notes,
        Http.ApiTime.Format(release.CreatedAt),
        release.FileCount,
        release.ManifestKey);

    public static RunDto Run(Run run) => new(
        run.Id,
        run.ExecutionName,
        run.Kind.ToString().ToLowerInvariant(),
        run.Status.ToString().ToUpperInvariant(),
        Http.ApiTime.Format(run.StartedAt),
        Http.ApiTime.Format(run.FinishedAt),
        run.Summary);

    public static JobDto Job(Job job) => new(
        job.Id,
        job.RunId,
        job.Instrument,
        job.Level,
        job.Stage,
        job.Queue,
        Pipeline.PipelineTasks.StatusText(job.Status),
        job.StatusReason,
        job.ExitCode,
        job.Attempts,
        Http.ApiTime.Format(job.CreatedAt),
        Http.ApiTime.Format(job.StartedAt),
        Http.ApiTime.Format(job.FinishedAt),
        job.LogKey is not null);
}
