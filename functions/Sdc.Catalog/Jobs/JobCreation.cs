namespace Sdc.Catalog;

/// <summary>
/// A job to record. <see cref="IdentityHash"/> is the job's identity (processor version and input
/// checksums): the same identity is one job, however often it is planned. <see cref="Spec"/> is
/// the job file its processor is given; <see cref="OutputPrefix"/> the products-bucket prefix it
/// writes under; <see cref="Definition"/> the job definition (processor) that runs it.
/// </summary>
public sealed record JobCreation(long RunId, string IdentityHash, string Instrument, string Level, long ProcessorVersionId, string Queue)
{
    public int? Stage { get; init; }

    public string? Definition { get; init; }

    public string? OutputPrefix { get; init; }

    public string? Spec { get; init; }
}
