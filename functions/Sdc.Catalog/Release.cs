namespace Sdc.Catalog;

/// <summary>
/// A public release: the latest versions of the products up to <see cref="Cutoff"/>, frozen when
/// it was created and listed in its manifest object. Times are UTC.
/// </summary>
public sealed record Release(
    long Id,
    int Number,
    string Name,
    DateTimeOffset Cutoff,
    string? Notes,
    DateTimeOffset CreatedAt,
    long FileCount,
    string? ManifestKey);
