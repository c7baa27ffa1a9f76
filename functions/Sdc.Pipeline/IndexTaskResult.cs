using Sdc.Catalog;

namespace Sdc.Pipeline;

/// <summary>What indexing a job did: the status it gave the job and how many products it indexed and refused.</summary>
public sealed record IndexTaskResult(long JobId, JobStatus Status, int Indexed, int Refused);
