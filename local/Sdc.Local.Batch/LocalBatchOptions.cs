namespace Sdc.Local.Batch;

/// <summary>What a <see cref="LocalBatch"/> runs and with how much of the machine.</summary>
public sealed class LocalBatchOptions
{
    /// <summary>16 MiB: a processor that floods its output cannot exhaust the runner's memory.</summary>
    public const long DefaultMaxLogBytes = 16L * 1024 * 1024;

    /// <summary>Job definitions by name; each key equals its definition's <see cref="JobDefinition.Name"/>.</summary>
    public required IReadOnlyDictionary<string, JobDefinition> Definitions { get; init; }

    /// <summary>At most this many jobs run at once; the others wait in their queue.</summary>
    public int MaxConcurrency { get; init; } = Environment.ProcessorCount;

    /// <summary>Each job runs in a fresh folder under this one, deleted when the job ends.</summary>
    public required string WorkRoot { get; init; }

    /// <summary>Captured output beyond this many UTF-8 bytes is dropped (and the log says so).</summary>
    public long MaxLogBytes { get; init; } = DefaultMaxLogBytes;
}
