using Sdc.Catalog;

namespace Sdc.Pipeline;

/// <summary>
/// <c>processors/versions.json</c>: per instrument, the processor release in production and,
/// while a new one is being validated, the release in staging. The planner stamps the production
/// release into every job it plans, so a job's identity changes when a new version is promoted;
/// the CDK app makes each stage's Batch job definitions from <see cref="ForStage"/>.
/// <code>
/// { "exi": { "production": { "name": "exi", "version": "1.0.0", "image": "sdc/exi-processor:1.0.0", "digest": "sha256:…" },
///            "staging":    { "name": "exi", "version": "1.1.0", "image": "sdc/exi-processor:1.1.0", "digest": "sha256:…" } } }
/// </code>
/// </summary>
public sealed class ProcessorVersions
{
    public const string FileName = "versions.json";

    public ProcessorVersions(IReadOnlyDictionary<string, ProcessorRelease> production)
        : this(production, new Dictionary<string, ProcessorRelease>(StringComparer.Ordinal))
    {
    }

    /// <param name="production">Every instrument's production release.</param>
    /// <param name="staging">The instruments that have a release in staging (a subset of <paramref name="production"/>'s).</param>
    public ProcessorVersions(IReadOnlyDictionary<string, ProcessorRelease> production, IReadOnlyDictionary<string, ProcessorRelease> staging)
    {
        ArgumentNullException.ThrowIfNull(production);
        ArgumentNullException.ThrowIfNull(staging);
        if (staging.Keys.FirstOrDefault(i => !production.ContainsKey(i)) is { } orphan)
        {
            throw new ArgumentException($"'{orphan}' has a staging release but no production one.", nameof(staging));
        }
        Production = production;
        Staging = staging;
    }

    /// <summary>Instrument → the release production runs.</summary>
    public IReadOnlyDictionary<string, ProcessorRelease> Production { get; }

    /// <summary>Instrument → the release staging runs, for the instruments that have one of their own.</summary>
    public IReadOnlyDictionary<string, ProcessorRelease> Staging { get; }

    /// <summary>The instruments, in the order the file lists them.</summary>
    public IEnumerable<string> Instruments => Production.Keys;

    /// <summary>The production release.</summary>
    public ProcessorRelease For(string instrument) =>
        Production.TryGetValue(instrument, out var release)
            ? release
            : throw new InvalidOperationException($"processors/{FileName} names no production processor for '{instrument}'.");

    /// <summary>The release a stage runs: staging's own when it has one, else production's (a stage never runs nothing).</summary>
    public ProcessorRelease ForStage(ProcessorStage stage, string instrument) =>
        stage == ProcessorStage.Staging && Staging.TryGetValue(instrument, out var staged) ? staged : For(instrument);

    /// <summary>As <see cref="ForStage(ProcessorStage, string)"/>, the stage named as in versions.json and infra/stages.json ("production" or "staging").</summary>
    /// <exception cref="ArgumentException">Another name.</exception>
    public ProcessorRelease ForStage(string stage, string instrument) => stage switch
    {
        ProcessorVersionsReader.ProductionKey => ForStage(ProcessorStage.Production, instrument),
        ProcessorVersionsReader.StagingKey => ForStage(ProcessorStage.Staging, instrument),
        _ => throw new ArgumentException($"Processor stage '{stage}': expected \"{ProcessorVersionsReader.ProductionKey}\" or \"{ProcessorVersionsReader.StagingKey}\".", nameof(stage)),
    };

    /// <summary>
    /// Staging's release becomes production's and the instrument has no staging release any more;
    /// the other instruments are unchanged.
    /// </summary>
    /// <exception cref="InvalidOperationException">The instrument has no staging release.</exception>
    public ProcessorVersions Promote(string instrument)
    {
        if (!Staging.TryGetValue(instrument, out var staged))
        {
            throw new InvalidOperationException($"processors/{FileName} has no staging release for '{instrument}' to promote.");
        }
        var production = new OrderedDictionary<string, ProcessorRelease>(StringComparer.Ordinal);
        foreach (var (name, release) in Production)
        {
            production[name] = name == instrument ? staged : release;
        }
        var staging = new OrderedDictionary<string, ProcessorRelease>(StringComparer.Ordinal);
        foreach (var (name, release) in Staging)
        {
            if (name != instrument)
            {
                staging[name] = release;
            }
        }
        return new ProcessorVersions(production, staging);
    }

    /// <exception cref="FormatException">The file is not the shape above; the message names the path, field and what was expected.</exception>
    public static ProcessorVersions Load(string path) => ProcessorVersionsReader.Read(File.ReadAllBytes(path), path);

    /// <inheritdoc cref="Load"/>
    public static ProcessorVersions Parse(string json, string source) => ProcessorVersionsReader.Read(System.Text.Encoding.UTF8.GetBytes(json), source);

    /// <summary>Writes the file atomically (a temporary file beside it, then a rename): readers see the old file or the new one, never half of one.</summary>
    public void Save(string path) => ProcessorVersionsWriter.Save(this, path);

    /// <summary>The file's text in its one stable layout (see <see cref="ProcessorVersionsWriter"/>).</summary>
    public string ToJson() => ProcessorVersionsWriter.Format(this);
}
