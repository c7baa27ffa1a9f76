namespace Sdc.Ingest;

/// <summary>Ingest's tunables, with the defaults a local SDC uses.</summary>
public sealed record IngestOptions
{
    /// <summary>Files archived on a sidecar get one manifest once none has arrived for this long.</summary>
    public TimeSpan QuietPeriod { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A file with neither delivery record nor sidecar is quarantined after this long in the inbox.</summary>
    public TimeSpan OrphanTimeout { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Files of one delivery checked at once (each is one sequential read).</summary>
    public int Parallelism { get; init; } = Math.Max(1, Environment.ProcessorCount);
}
