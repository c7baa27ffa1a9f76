namespace Sdc.Pipeline;

/// <summary>
/// One job as the state machine's Map runs it: the catalog id, the Batch job name, queue and
/// definition, the timeout, where it writes (products-bucket prefix), and the job file (JSON text)
/// its processor gets in SDC_JOB.
/// </summary>
public sealed record PlannedJob(
    long JobId,
    string Name,
    string Queue,
    string Definition,
    int TimeoutSeconds,
    string OutputPrefix,
    string Spec,
    string Instrument,
    string Level);
