namespace Sdc.Ingest.Indexing;

/// <summary>
/// The Index task's payload: the job (its catalog id, for messages and lineage) and the prefix
/// in the products bucket where it wrote its products and <c>outputs.json</c>.
/// </summary>
public sealed record IndexRequest(long? JobId, string OutputPrefix);
