namespace Sdc.Catalog;

/// <summary>
/// A job to record. <see cref="IdentityHash"/> is the job's identity (processor version and input
/// checksums): the same identity is one job, however often it is planned.
/// </summary>
public sealed record JobCreation(long RunId, string IdentityHash, string Instrument, string Level, long ProcessorVersionId, string Queue);
