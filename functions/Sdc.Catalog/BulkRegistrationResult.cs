namespace Sdc.Catalog;

/// <summary>
/// The outcome of <see cref="IFileCatalog.RegisterManyAsync"/>: how many rows were added, how many
/// were already there with the same content, and the keys already registered with other content
/// (left untouched).
/// </summary>
public sealed record BulkRegistrationResult(int Registered, int Duplicates, IReadOnlyList<string> ConflictKeys);
