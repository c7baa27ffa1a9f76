namespace Sdc.Catalog;

/// <summary>A flagged problem with a catalogued file, as the reconciler recorded it.</summary>
public sealed record FileProblem(long FileId, string Key, FileProblemKind Kind, string Detail, DateTimeOffset DetectedAt);
