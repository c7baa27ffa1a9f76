namespace Sdc.Catalog;

/// <summary>What <c>sdc catalog stats</c> prints: the schema version and volumes per instrument × level.</summary>
public sealed record CatalogStats(CatalogEngine Engine, int SchemaVersion, IReadOnlyList<VolumeStats> Volumes)
{
    public long TotalFiles => Volumes.Sum(v => v.Files);

    public long TotalBytes => Volumes.Sum(v => v.Bytes);
}
