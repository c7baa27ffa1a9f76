namespace Sdc.Catalog;

/// <summary>A file archived outside any delivery record, waiting for its manifest.</summary>
public sealed record LooseFile(long FileId, DateTimeOffset ArchivedAt);
