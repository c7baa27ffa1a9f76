using System.Globalization;
using Sdc.Promotion.Reports;
using Sdc.Promotion.Runs;
using Sdc.Promotion.Settings;

namespace Sdc.Promotion.Comparison;

/// <summary>
/// Compares what the candidate made with what the baseline made: the same set of products (by
/// <see cref="ProductKey"/>, so names may differ in their version), the same outputs.json
/// metadata (level, descriptor, time range, orbit, quality and its notes), and the same content:
/// FITS by <see cref="FitsComparer"/>, PNG quicklooks by <see cref="PngComparer"/>, anything else
/// byte for byte.
/// </summary>
public sealed class ProductSetComparer(Mission.Mission mission, ValidationSettings settings)
{
    public IReadOnlyList<ProductResult> Compare(IReadOnlyList<ProducedFile> candidate, IReadOnlyList<ProducedFile> baseline)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(baseline);
        var candidates = Index(candidate);
        var baselines = Index(baseline);
        var results = new List<ProductResult>();
        foreach (var key in baselines.Keys.Union(candidates.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var c = candidates.GetValueOrDefault(key);
            var b = baselines.GetValueOrDefault(key);
            results.Add((c, b) switch
            {
                (null, { } only) => new ProductResult(only.Name, ProductResults.Missing, null, only.Name, false, 0, 0, [],
                    [new Difference("file", "product", null, only.Name, "made by the baseline only")]),
                ({ } only, null) => new ProductResult(only.Name, ProductResults.Extra, only.Name, null, false, 0, 0, [],
                    [new Difference("file", "product", only.Name, null, "made by the candidate only")]),
                _ => CompareOne(c!, b!),
            });
        }
        return results;
    }

    private ProductResult CompareOne(ProducedFile candidate, ProducedFile baseline)
    {
        var differences = new List<Difference>();
        Metadata(candidate, baseline, differences);
        var extension = Path.GetExtension(baseline.Name).ToLowerInvariant();
        IReadOnlyList<HduResult> hdus = extension switch
        {
            ".fits" or ".fit" or ".fts" => FitsComparer.Compare(candidate.Path, baseline.Path, baseline.Level, settings, differences),
            ".png" => PngComparer.Compare(candidate.Path, baseline.Path, settings.QuicklookTolerance, differences),
            _ => [],
        };
        if (hdus.Count == 0 && extension is not (".fits" or ".fit" or ".fts" or ".png") && candidate.Sha256 != baseline.Sha256)
        {
            differences.Add(new Difference("file", "content", candidate.Sha256, baseline.Sha256, "bytes differ (compared by SHA-256: not a FITS or PNG file)"));
        }
        var data = hdus.SelectMany(h => h.Data).ToList();
        return new ProductResult(
            baseline.Name,
            differences.Count == 0 ? ProductResults.Match : ProductResults.Differs,
            candidate.Name,
            baseline.Name,
            candidate.Sha256 == baseline.Sha256,
            data.Count == 0 ? 0 : data.Max(d => d.MaxAbsoluteDifference),
            data.Count == 0 ? 0 : data.Max(d => d.MaxRelativeDifference),
            hdus,
            differences);
    }

    private static void Metadata(ProducedFile candidate, ProducedFile baseline, List<Difference> differences)
    {
        void Check(string field, string c, string b)
        {
            if (c != b)
            {
                differences.Add(new Difference("outputs.json", field, c, b, "metadata differ"));
            }
        }
        static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
        Check("level", candidate.Level, baseline.Level);
        Check("descriptor", candidate.Descriptor, baseline.Descriptor);
        Check("start", Time(candidate.Start), Time(baseline.Start));
        Check("end", Time(candidate.End), Time(baseline.End));
        Check("orbit", candidate.Orbit?.ToString(CultureInfo.InvariantCulture) ?? "-", baseline.Orbit?.ToString(CultureInfo.InvariantCulture) ?? "-");
        Check("quality", candidate.Quality.ToString(CultureInfo.InvariantCulture), baseline.Quality.ToString(CultureInfo.InvariantCulture));
        Check("qualityNotes", string.Join("; ", candidate.QualityNotes), string.Join("; ", baseline.QualityNotes));
    }

    // Two products of one processor that differ only in their version cannot both match one of the
    // other's: the second gets a key of its own and shows up as missing or extra.
    private Dictionary<string, ProducedFile> Index(IReadOnlyList<ProducedFile> files)
    {
        var index = new Dictionary<string, ProducedFile>(StringComparer.Ordinal);
        foreach (var file in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var key = ProductKey.Of(mission, file.Name);
            if (!index.TryAdd(key, file))
            {
                index.Add($"{key}#{file.Name}", file);
            }
        }
        return index;
    }
}
