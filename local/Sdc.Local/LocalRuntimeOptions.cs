namespace Sdc.Local;

/// <summary>Where a local SDC lives and how it runs.</summary>
public sealed record LocalRuntimeOptions
{
    /// <summary>The data directory's bucket folders (one folder per bucket).</summary>
    public required string BucketsRoot { get; init; }

    /// <summary>The checkout holding infra/pipeline.asl.json, processors/versions.json and each processor's run script.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>Where the local host serves this SDC (signed download and upload URLs point here); null: no presigned URLs.</summary>
    public Uri? PublicBaseUrl { get; init; }

    /// <summary>The key that signs those URLs (at least 32 bytes).</summary>
    public ReadOnlyMemory<byte> SigningKey { get; init; }

    /// <summary>Scratch space for running jobs.</summary>
    public required string WorkRoot { get; init; }

    /// <summary>Jobs run at once (the local Batch's compute environment).</summary>
    public int MaxConcurrency { get; init; } = Environment.ProcessorCount;

    /// <summary>How often the ingest sweep runs (missed events, orphans, sidecar manifests).</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Replaces the processor command of an instrument (tests: a processor that hangs or fails); null: processors/&lt;instrument&gt;/run.</summary>
    public IReadOnlyDictionary<string, string>? ProcessorCommands { get; init; }
}
